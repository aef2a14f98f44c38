/**
 * The SNS failure topic: every function reports failures there, and every alarm notifies it.
 */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Settings of the {@link FailureTopic}. */
export interface FailureTopicProps {
  /** Key encrypting the topic. */
  readonly encryptionKey: kms.IKey;
  /** E-mail addresses subscribed to the topic. */
  readonly emails: readonly string[];
  /** https endpoints subscribed to the topic (e.g. a chat or paging webhook). */
  readonly httpsUrls: readonly string[];
}

/**
 * KMS-encrypted topic that refuses non-TLS publishing, with e-mail and https subscriptions.
 *
 * @example
 * ```ts
 * const topic = new FailureTopic(this, 'Failures', { encryptionKey: key, emails: ['ops@example.com'], httpsUrls: [] }).topic;
 * ```
 */
export class FailureTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: FailureTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'Org governance failures',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    for (const email of props.emails) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    for (const url of props.httpsUrls) {
      this.topic.addSubscription(
        new subscriptions.UrlSubscription(url, { protocol: sns.SubscriptionProtocol.HTTPS }),
      );
    }
  }
}
