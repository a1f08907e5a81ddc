const KIB = 1024;
const MIB = 1024 * KIB;

/** A size the way people read it in an error message: "25 MB", "64 KB", "900 bytes". */
export function describeBytes(bytes: number): string {
  const round = (value: number) => Number(value.toFixed(1)).toLocaleString("en");
  if (bytes >= MIB) return `${round(bytes / MIB)} MB`;
  if (bytes >= KIB) return `${round(bytes / KIB)} KB`;
  return `${bytes} bytes`;
}
