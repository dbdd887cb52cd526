/**
 * @module websub
 * WebSub (W3C Recommendation, https://www.w3.org/TR/websub/) for `serve`: hub discovery, the
 * subscriber's callback routes, lease renewal, and the check that lets the scheduler poll a
 * pushed feed rarely.
 */
export { createWebSub, webSubMountPath } from './create-websub.js';
export type { SubscribeOutcome, WebSub, WebSubOptions } from './create-websub.js';
export type { WebSubLogger } from './callback-routes.js';
export { discoverHub } from './discover-hub.js';
export { createHubPoster } from './hub-poster.js';
export type { HubPost, HubPostResult, HubPosterOptions } from './hub-poster.js';
export { verifyHubSignature } from './hub-signature.js';
export { isLiveSubscription, readWebSubState } from './subscription-state.js';
export type { HubDiscovery, WebSubState } from './subscription-state.js';
