import { toJsonPath } from '../src';
import { steps } from './helpers/mutate';

describe('toJsonPath', () => {
  it.each([
    [[], '$'],
    [['detail', 'requestParameters', 'accountId'], '$.detail.requestParameters.accountId'],
    [['detail', 'requestParameters', 'tags', 0, 'key'], '$.detail.requestParameters.tags[0].key'],
    [['detail-type'], '$["detail-type"]'],
    [['detail', 'changed-tag-keys', 2], '$.detail["changed-tag-keys"][2]'],
    [
      ['detail', 'tags', 'aws:cloudformation:stack-name'],
      '$.detail.tags["aws:cloudformation:stack-name"]',
    ],
    [['detail', 'tags', 'say "hi"'], '$.detail.tags["say \\"hi\\""]'],
  ] as const)('%j → %s', (path, expected) => {
    expect(toJsonPath(path)).toStrictEqual(expected);
  });

  it.each([
    ['$.detail.requestParameters.tags[0].key'],
    ['$["detail-type"]'],
    ['$.detail["changed-tag-keys"][2]'],
    ['$.detail.tags["say \\"hi\\""]'],
  ])('round-trips with the test helper: %s', (path) => {
    expect(toJsonPath(steps(path))).toStrictEqual(path);
  });
});
