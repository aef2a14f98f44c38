import { MessageVisibility } from './message-visibility';

describe('MessageVisibility', () => {
  it('keeps the last visibility the product set on a receipt handle, in product ms, once', () => {
    const visibility = new MessageVisibility();
    visibility.changed({ ReceiptHandle: 'rh-1', VisibilityTimeout: 60 });
    visibility.changed({ ReceiptHandle: 'rh-1', VisibilityTimeout: 240 });
    expect(visibility.take('rh-1')).toBe(240_000);
    expect(visibility.take('rh-1')).toBeUndefined();
    expect(visibility.count).toBe(2);
  });

  it('ignores a change without a receipt handle or a timeout', () => {
    const visibility = new MessageVisibility();
    visibility.changed({ VisibilityTimeout: 60 });
    visibility.changed({ ReceiptHandle: 'rh-2' });
    expect(visibility.take('rh-2')).toBeUndefined();
    expect(visibility.count).toBe(0);
  });
});
