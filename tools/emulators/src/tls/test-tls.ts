/**
 * A self-signed certificate for local HTTPS webhook receivers (the tests' and the local stack's):
 * host names `hooks.test`, `other.hooks.test`, `localhost` and the address 127.0.0.1, valid until
 * 2126. Test- and local-only: it protects nothing, and the product trusts it only when a test or
 * the local stack passes it as `trustedCa`.
 */

/** PEM certificate (also the CA a notifier is told to trust). */
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBvjCCAWOgAwIBAgIUc831T1EfDtshVekV/CRITGHVRt0wCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKaG9va3MudGVzdDAgFw0yNjEyMDYwODA3MThaGA8yMTI2MTEx
MjA4MDcxOFowFTETMBEGA1UEAwwKaG9va3MudGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABM2g4aqHWfNLZ/iS2GQgzqK3wkzz1s/QflepCC9dZG2V6/RMTLpY
fLQz4ZHo02wKmvuEAZaOIYqTrkvMVeri6XajgY4wgYswHQYDVR0OBBYEFL8z0vrV
gFa9ZNGqzigAGXY8YizRMB8GA1UdIwQYMBaAFL8z0vrVgFa9ZNGqzigAGXY8YizR
MA8GA1UdEwEB/wQFMAMBAf8wOAYDVR0RBDEwL4IKaG9va3MudGVzdIIQb3RoZXIu
aG9va3MudGVzdIIJbG9jYWxob3N0hwR/AAABMAoGCCqGSM49BAMCA0kAMEYCIQCA
AGwzLBZWOXqqh9ZBsLRuE9AvrVxEqvBVUNd+Qa2jHAIhAJF0X3QfkrYADLbOfTqx
jp7HLO/Mfm9ykCEkLHYYDpN8
-----END CERTIFICATE-----
`;

/** PEM private key of {@link TEST_TLS_CERT}. */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHkgseRKKCaZeSYBu
EqqTa2bOc2DBKqcW1umijWVDIMChRANCAATNoOGqh1nzS2f4kthkIM6it8JM89bP
0H5XqQgvXWRtlev0TEy6WHy0M+GR6NNsCpr7hAGWjiGKk65LzFXq4ul2
-----END PRIVATE KEY-----
`;
