/** Public face of the share module: Skywatch's outputs to other systems. */
export { createUdpSender, packDatagrams, type UdpSender, type UdpSendOptions, type UdpSendStats } from "./udp_sender.js";
export { shareAsCat062, type Cat062ShareOptions, type TrackSource } from "./cat062_output.js";
