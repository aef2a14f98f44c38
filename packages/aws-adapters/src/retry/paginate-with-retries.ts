/**
 * SDK paginators with per-page retries: a throttled page is retried from its own token, not from
 * the first page.
 */
import type { AdapterErrorContext } from '../errors';
import { backoff, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';
import { classifyError } from './retryable-errors';
import { translateAwsError } from './translate-error';

/** Opens an SDK paginator (e.g. `paginateListAccountsForParent`) at a starting token. */
export type OpenPaginator<Page> = (startingToken: string | undefined) => AsyncIterable<Page>;

/**
 * Every page of a paginated call. When a page fails with a retryable error the paginator is
 * re-opened at that page's token after a jittered backoff; attempts reset after each page.
 *
 * @example
 * ```ts
 * const pages = await collectPages(
 *   (token) => paginateListRoots({ client, startingToken: token }, {}),
 *   (page) => page.NextToken,
 *   { operation: 'ListRoots' },
 * );
 * ```
 */
export async function collectPages<Page>(
  open: OpenPaginator<Page>,
  nextTokenOf: (page: Page) => string | undefined,
  context: AdapterErrorContext,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<Page[]> {
  const pages: Page[] = [];
  let token: string | undefined;
  let attempt = 1;
  for (;;) {
    try {
      for await (const page of open(token)) {
        pages.push(page);
        token = nextTokenOf(page);
        attempt = 1;
      }
      return pages;
    } catch (error) {
      if (attempt >= policy.maxAttempts || classifyError(error) === 'permanent') {
        throw translateAwsError(error, context);
      }
      await backoff(attempt, policy);
      attempt += 1;
    }
  }
}
