/** Public face of the details feature: the selected track's panel. */
export { DetailsPanel, detailsHtml } from "./details_panel";
