/**
 * Typed decode error: every failure to decode ASTERIX bytes says where it happened.
 * DESIGN.md, "Contracts: Errors".
 */
export class DecodeError extends Error {
  /** ASTERIX category being decoded, when known. */
  readonly category?: number;
  /** Data item being decoded ("040", "130/SRL"), when known. */
  readonly item?: string;
  /** Byte offset of the problem from the start of the input (file or buffer) given to the decoder. */
  readonly offset: number;

  constructor(message: string, offset: number, category?: number, item?: string) {
    const where = [
      category !== undefined ? `CAT${String(category).padStart(3, "0")}` : undefined,
      item !== undefined ? `I${String(category ?? 0).padStart(3, "0")}/${item}` : undefined,
      `byte offset ${offset}`,
    ]
      .filter(Boolean)
      .join(", ");
    super(`${message} (${where})`);
    this.name = "DecodeError";
    this.category = category;
    this.item = item;
    this.offset = offset;
  }
}
