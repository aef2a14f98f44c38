import { expectErrors, issue, RP } from '../helpers/errors';

describe('parseOrgEvent rejects malformed Tag Change on Resource events', () => {
  expectErrors([
    [
      'resources empty',
      'tag-change-on-resource',
      [['$.resources', []]],
      'TagChangeOnResource',
      [issue('$.resources[0]', 'an Organizations account ARN ending in /<12-digit account id>')],
    ],
    [
      'resources[0] an account ARN whose id has 11 digits',
      'tag-change-on-resource',
      [['$.resources[0]', 'arn:aws:organizations::111111111111:account/o-exampleorg1/22223333444']],
      'TagChangeOnResource',
      [issue('$.resources[0]', 'an Organizations account ARN ending in /<12-digit account id>')],
    ],
    [
      'a tag value not a string',
      'tag-change-on-resource',
      [['$.detail.tags.env', 1]],
      'TagChangeOnResource',
      [issue('$.detail.tags.env', 'a string')],
    ],
    [
      'tags missing',
      'tag-change-on-resource',
      [['$.detail.tags']],
      'TagChangeOnResource',
      [issue('$.detail.tags', 'an object')],
    ],
    [
      'changed-tag-keys missing',
      'tag-change-on-resource-key-deleted',
      [['$.detail["changed-tag-keys"]']],
      'TagChangeOnResource',
      [issue('$.detail["changed-tag-keys"]', 'an array')],
    ],
    [
      'service not a string',
      'tag-change-on-resource',
      [['$.detail.service', 7]],
      'TagChangeOnResource',
      [issue('$.detail.service', 'a string')],
    ],
    [
      'detail null',
      'tag-change-on-resource',
      [['$.detail', null]],
      'TagChangeOnResource',
      [issue('$.detail', 'a tag change detail object')],
    ],
  ]);
});

describe('parseOrgEvent rejects malformed TagResource / UntagResource events', () => {
  expectErrors([
    [
      'resourceId not a taggable id',
      'tag-resource',
      [[`${RP}.resourceId`, '12345']],
      'TagResource',
      [issue(`${RP}.resourceId`, 'a 12-digit AWS account id, or a root, OU or policy id')],
    ],
    [
      'a tag without value',
      'tag-resource',
      [[`${RP}.tags[0].value`]],
      'TagResource',
      [issue(`${RP}.tags[0].value`, 'a string')],
    ],
    [
      'an empty tag key',
      'tag-resource',
      [[`${RP}.tags[0].key`, '']],
      'TagResource',
      [issue(`${RP}.tags[0].key`, 'a non-empty tag key')],
    ],
    [
      'tags a map instead of a list',
      'tag-resource',
      [[`${RP}.tags`, { env: 'prod' }]],
      'TagResource',
      [issue(`${RP}.tags`, 'an array')],
    ],
    [
      'a tag that is a string',
      'tag-resource',
      [[`${RP}.tags[0]`, 'env=prod']],
      'TagResource',
      [issue(`${RP}.tags[0]`, 'a tag object with key and value')],
    ],
    [
      'requestParameters null',
      'tag-resource',
      [[RP, null]],
      'TagResource',
      [issue(RP, 'an object with resourceId and tags')],
    ],
    [
      'tagKeys missing',
      'untag-resource',
      [[`${RP}.tagKeys`]],
      'UntagResource',
      [issue(`${RP}.tagKeys`, 'an array')],
    ],
    [
      'a tag key that is a number',
      'untag-resource',
      [[`${RP}.tagKeys[0]`, 7]],
      'UntagResource',
      [issue(`${RP}.tagKeys[0]`, 'a string')],
    ],
    [
      'an empty tag key to remove',
      'untag-resource',
      [[`${RP}.tagKeys[0]`, '']],
      'UntagResource',
      [issue(`${RP}.tagKeys[0]`, 'a non-empty tag key')],
    ],
    [
      'UntagResource resourceId missing',
      'untag-resource',
      [[`${RP}.resourceId`]],
      'UntagResource',
      [issue(`${RP}.resourceId`, 'a 12-digit AWS account id, or a root, OU or policy id')],
    ],
  ]);
});
