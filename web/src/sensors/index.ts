/** Public face of the sensors feature: sensor sites and range rings. */
export { SensorLayer, rangeRing, rangeRingFeatures, RING_RADII_NM } from "./sensor_layer";
