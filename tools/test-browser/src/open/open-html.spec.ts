import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHtml } from './open-html';

jest.setTimeout(60_000);

describe('openHtml', () => {
  it('records dialogs and errors, writes the extra files and removes its folder on close', async () => {
    const opened = await openHtml(
      `<p id="p">hi</p><script>alert('one'); console.error('two'); throw new Error('three');</script>`,
      { files: { 'other.html': '<p>other</p>' } },
    );
    const text = await opened.page.locator('#p').textContent();
    const other = readFileSync(join(opened.dir, 'other.html'), 'utf8');
    await opened.close();
    expect({
      text,
      other,
      url: opened.urlOf('other.html').startsWith('file://'),
      dialogs: opened.dialogs,
      errors: opened.errors.map((e) => e.replace(/^Uncaught /, '')),
      removed: !existsSync(opened.dir),
    }).toStrictEqual({
      text: 'hi',
      other: '<p>other</p>',
      url: true,
      dialogs: ['one'],
      errors: ['two', 'three'],
      removed: true,
    });
  });
});
