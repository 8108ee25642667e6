/** The host link: the one door to an OpenVMS host (DESIGN rule 5). */
export { HostLink, type HostKeyPins, type HostLinkOptions, type LinkCommand, type RunOptions, type RunResult } from './host-link';
export { createHostLink, type CreateHostLinkOptions, type HostAccess } from './create-host-link';
export { HostLinkError, isHostLinkError, isRetryable, type HostLinkErrorCode, type OfferedHostKey } from './host-link-error';
export type { HostLinkState, HostLinkStateKind, LinkFailure } from './link-state';
export type { HostEndpoint, LinkTransport, OpenTransport, TransportRequest, TransportRunResult } from './link-transport';
export { sshTransport, DEFAULT_KEEPALIVE_COUNT_MAX, DEFAULT_KEEPALIVE_INTERVAL_MS, type SshLinkOptions } from './ssh-transport';
export { verifyHostKey, type HostKeyVerdict, type PinnedHostKey } from './host-key-check';
export { describeHostKey, keyTypeOf, sha256Fingerprint } from './host-key-fingerprint';
export { algorithmsFor, legacyAlgorithmWarnings, legacyInUse, type AlgorithmPolicy } from './algorithms';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
export { MemoryCredentialStore, checkSecret, secretKindFor, type AuthenticationMethod, type CredentialStore, type HostSecret } from './credentials';
export { submitOnce, decideAfterCheck, type AfterCheck, type SubmitLink, type SubmitOnceOptions, type SubmitOutcome } from './submit-once';
export { checkSubmission, type SubmissionCheck } from './submission-check';
export { isSuccess, severityOf, formatStatus, type Severity, type DclStatus } from './shell-framing';
export { realTimers, type Timers } from './timers';
export { createSiteLinks, type SiteLinks, type SiteLinksOptions } from './site-links';
// electron-credentials is not re-exported: importing it loads Electron, which the browser shell lacks
