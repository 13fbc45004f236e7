/** Public face of the tracks feature: the picture store, symbology, overlay geometry and the map layer. */
export { TrackStore, TRAIL_LENGTH } from "./track_store";
export type { StoreChange, TrackEntry } from "./track_store";
export { appearanceOf, emergencyOf, identityOf, renderSymbol, sidcOf, EMERGENCY_TAG } from "./symbology";
export type { Appearance, Emergency, IdentityClass, RenderedSymbol } from "./symbology";
export { deadReckon, historyDotFeatures, leaderFeatures, trailFeatures, LEADER_SECONDS } from "./geometry";
export { TrackLayer, labelHtml } from "./track_layer";
