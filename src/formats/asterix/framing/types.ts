/**
 * Shapes shared by the ASTERIX container readers: what a framing yields (a data block or an
 * issue), the options and counters, and the typed error of `detectFraming`.
 *
 * Data block layout: EUROCONTROL ASTERIX Part 1 (SUR.ET1.ST05.2000-STD-01-01), §4:
 * [CAT (1 octet)][LEN (2 octets, big-endian, including these 3 octets)][records…].
 */

/**
 * Container formats Skywatch can frame:
 * - `raw`: data blocks back to back, no header, no per-block time.
 * - `pcap`: libpcap capture (µs or ns timestamps, either byte order).
 * - `pcapng`: pcap-ng capture (SHB/IDB/EPB/SPB).
 * - `gps`: "GPS" recording (2200-byte file header, each block followed by a 10-byte trailer with the time of day).
 * - `rply`: replay format ([u32 LE length][u32 LE ms since previous block][data block] per block).
 * - `final`: EUROCONTROL final format (8-byte record header with time of day, data blocks, A5A5A5A5 padding).
 */
export type Framing = "raw" | "pcap" | "pcapng" | "gps" | "rply" | "final";

/** Every framing name, in the order `detectFraming` prefers them on a tie. */
export const FRAMINGS: readonly Framing[] = ["pcap", "pcapng", "rply", "final", "gps", "raw"];

/** Where a block came from in a packet capture (pcap/pcapng only). One object is shared by the blocks of a packet. */
export interface PacketInfo {
  /** 1-based packet number in the capture (as Wireshark numbers frames). */
  frame: number;
  /** pcapng interface id the packet was captured on (0 for pcap). */
  interfaceId: number;
  /** Source IP address (dotted IPv4 or uncompressed IPv6), absent for 802.3/LLC frames. */
  srcAddr?: string;
  /** Destination IP address, absent for 802.3/LLC frames. */
  dstAddr?: string;
  /** UDP source port, absent for 802.3/LLC frames. */
  srcPort?: number;
  /** UDP destination port, absent for 802.3/LLC frames. */
  dstPort?: number;
}

/** Time fields a container may attach to a block (see {@link FramedBlock}). */
export interface BlockExtra {
  /** UTC seconds since 1970-01-01 when the container carries an absolute time (pcap/pcapng capture time). */
  time?: number;
  /** Seconds since midnight (UTC) when the container carries only that (.gps trailer, FINAL record header). */
  timeOfDay?: number;
  /** Seconds since the previous block when the container gives that (.rply). */
  delay?: number;
  /** Packet the block travelled in (pcap/pcapng). */
  packet?: PacketInfo;
}

/** One ASTERIX data block found in a container. */
export interface FramedBlock extends BlockExtra {
  kind: "block";
  /** The whole data block (CAT, LEN and records): a subarray of the input, not a copy. `data.length` equals LEN. */
  data: Uint8Array;
  /** Byte offset of the block's first byte (its CAT octet) in the input buffer. */
  offset: number;
}

/** Bytes that are not a valid data block: reported, counted, skipped; framing goes on after them. */
export interface FramingIssue {
  kind: "issue";
  /** Byte offset in the input buffer of the first byte concerned. */
  offset: number;
  /** Number of bytes skipped (0 when the issue concerns a position, not a span). */
  length: number;
  /** What is wrong, e.g. "data block length 65000 exceeds the 120 bytes left". */
  message: string;
}

/** What `frameBlocks` yields. */
export type FramingItem = FramedBlock | FramingIssue;

/** Why a packet of a capture carried no ASTERIX and was skipped (counted, not reported as an issue). */
export type SkipReason =
  /** Ethernet/SLL frame with an EtherType other than IPv4/IPv6/VLAN (ARP, LLDP, …). */
  | "not-ip"
  /** IP packet whose transport is not UDP (TCP, ICMP, IGMP, …). */
  | "not-udp"
  /** UDP datagram whose ports are not in `FrameOptions.udpPorts`. */
  | "port-filter"
  /** 802.3/LLC frame of a known non-ASTERIX service (spanning tree, SNAP with a non-IP type, NetBIOS, …). */
  | "non-asterix-llc"
  /** UDP or LLC payload of zero bytes. */
  | "empty-payload"
  /** Packet on an interface whose link type Skywatch does not read (reported once per interface as an issue). */
  | "unsupported-link";

/** Counters a framing fills while it runs (pass one in `FrameOptions.stats` to read them during iteration). */
export interface FramingStats {
  /** Packets read from a capture (pcap/pcapng); 0 for the other framings. */
  packets: number;
  /** Packets skipped without an issue, by reason. */
  skipped: Partial<Record<SkipReason, number>>;
  /** Data blocks yielded. */
  blocks: number;
  /** Issues yielded. */
  issues: number;
  /** Bytes covered by issues. */
  issueBytes: number;
}

/** A fresh, zeroed {@link FramingStats}. */
export function newFramingStats(): FramingStats {
  return { packets: 0, skipped: {}, blocks: 0, issues: 0, issueBytes: 0 };
}

/** Options of `frameBlocks`. */
export interface FrameOptions {
  /**
   * ORADIS unwrapping of UDP/LLC payloads (6-byte header [total length 2 BE incl. header][4 bytes] + one data block, repeated):
   * `"auto"` (default) unwraps a payload that is not a chain of data blocks but is a chain of ORADIS packets;
   * `"always"` treats every payload as ORADIS; `"never"` never unwraps.
   */
  oradis?: "auto" | "always" | "never";
  /** When given, only UDP datagrams whose source or destination port is in the list are read; others are skipped and counted. */
  udpPorts?: readonly number[];
  /** Counters updated as the generator runs (create with {@link newFramingStats}); a fresh object is used when absent. */
  stats?: FramingStats;
  /**
   * Tells whether a data block's records decode completely (true), do not (false), or cannot be
   * told (undefined). Consulted only when the sequential framings (raw, gps, rply) must choose
   * between a block whose end is followed by junk and a chain of plausible blocks starting inside
   * it: a block that decodes completely is kept, and the junk after it is the issue.
   */
  validate?: (block: Uint8Array) => boolean | undefined;
}

/** Thrown by `detectFraming` when the buffer matches no known container. */
export class FramingError extends Error {
  override readonly name = "FramingError";
  /** Name of the file, when the caller gave one. */
  readonly fileName?: string;
  constructor(message: string, fileName?: string) {
    super(message);
    if (fileName !== undefined) this.fileName = fileName;
  }
}
