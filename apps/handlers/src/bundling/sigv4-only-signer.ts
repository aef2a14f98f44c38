/**
 * The signer of the STS client in the Lambda bundles, substituted for
 * `@aws-sdk/signature-v4-multi-region` by `scripts/bundle.mjs` (about 3.5 KB of each bundle with
 * STS).
 *
 * The SDK's `SignatureV4MultiRegion` signs with SigV4 unless the signing region is `*` (SigV4a),
 * and SigV4a needs `@aws-sdk/signature-v4-crt` or `@aws-sdk/signature-v4a` registered — neither
 * is in a bundle, so there it always reports SigV4a as unavailable and throws for a `*` region.
 * Its other methods sign S3 Express sessions, which STS never does. This signer is the same for
 * what the bundles can reach: SigV4 for a named region, the same refusal for `*`, SigV4a reported
 * unavailable (so STS's auth-scheme resolution skips it as before). It is never used outside the
 * bundles.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  HttpRequest,
  RequestPresigningArguments,
  RequestSigningArguments,
} from '@smithy/types';

/** Thrown when a request is to be signed with SigV4a (region `*`) or as an S3 Express session. */
export class UnavailableSigV4aError extends Error {
  readonly code = 'SIGV4A_UNAVAILABLE';

  constructor(what: string) {
    super(`${what} is not in the bundle (it has no SigV4a implementation and no S3 client)`);
    this.name = 'UnavailableSigV4aError';
  }
}

/** Options of the SDK's signers (credentials, region, service, hash). */
type SignerOptions = ConstructorParameters<typeof SignatureV4>[0];

/**
 * Stands for the SDK's `SignatureV4MultiRegion`: SigV4 for every named region.
 *
 * @example
 * ```ts
 * const signer = new SignatureV4MultiRegion({ credentials, region: 'eu-west-1', service: 'sts', sha256 });
 * await signer.sign(request); // SigV4, as the SDK's signer
 * ```
 */
export class SignatureV4MultiRegion {
  /** Which SigV4a implementation is registered: none in a bundle. */
  static sigv4aDependency(): 'none' {
    return 'none';
  }

  private readonly sigv4Signer: SignatureV4;

  constructor(options: SignerOptions) {
    this.sigv4Signer = new SignatureV4(options);
  }

  /** Signs with SigV4; throws {@link UnavailableSigV4aError} for the region `*`. */
  async sign(request: HttpRequest, options: RequestSigningArguments = {}): Promise<HttpRequest> {
    if (options.signingRegion === '*') throw new UnavailableSigV4aError('SigV4a signing');
    return this.sigv4Signer.sign(request, options);
  }

  /** Presigns with SigV4; throws {@link UnavailableSigV4aError} for the region `*`. */
  async presign(
    request: HttpRequest,
    options: RequestPresigningArguments = {},
  ): Promise<HttpRequest> {
    if (options.signingRegion === '*') throw new UnavailableSigV4aError('SigV4a presigning');
    return this.sigv4Signer.presign(request, options);
  }

  /** S3 Express session signing (S3 only): always throws {@link UnavailableSigV4aError}. */
  async signWithCredentials(): Promise<HttpRequest> {
    throw new UnavailableSigV4aError('S3 Express session signing');
  }

  /** S3 Express session presigning (S3 only): always throws {@link UnavailableSigV4aError}. */
  async presignWithCredentials(): Promise<HttpRequest> {
    throw new UnavailableSigV4aError('S3 Express session presigning');
  }
}
