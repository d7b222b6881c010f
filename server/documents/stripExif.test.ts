import { readFileSync } from "node:fs";
import exifr from "exifr";
import { describe, expect, it } from "vitest";
import { crc32, ImageFormatError, stripExif } from "./stripExif";

/**
 * Photos with real metadata written by ExifTool 12.57 (server/documents/fixtures/README.md): GPS in Exif and XMP,
 * IPTC by-line and city, camera make/model, artist with a phone number, a JPEG comment, an Exif thumbnail, an ICC
 * profile, Orientation 6 (big-endian Exif) or 3 (little-endian); a PNG with eXIf, XMP in iTXt and tEXt comments.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function tagsOf(bytes: Buffer) {
  return (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: false, jfif: false, ihdr: false, mergeOutput: true, translateValues: false })) ?? {};
}

describe("stripExif", () => {
  it("removes GPS, camera, people and the thumbnail from a JPEG, keeping the pixels and the orientation", async () => {
    const src = fixture("photo-gps.jpg");
    const before = await tagsOf(src);
    expect(before.latitude).toBeCloseTo(35.1962, 4);
    expect(before.Make).toBe("Xiaomi");
    expect(src.includes(Buffer.from("13912345678"))).toBe(true);
    const { bytes, type, orientation } = stripExif(src);
    expect(type).toBe("jpeg");
    expect(orientation).toBe(6);
    const after = await tagsOf(bytes);
    expect(after.latitude).toBeUndefined();
    expect(after.GPSLatitude).toBeUndefined();
    expect(after.Make).toBeUndefined();
    expect(after.Orientation).toBe(6);
    expect(Object.keys(after).sort()).toEqual(["Orientation"]);
    expect(await exifr.thumbnail(bytes)).toBeUndefined();
    for (const needle of ["13912345678", "Xiaomi", "http://ns.adobe.com/xap", "Photoshop 3.0", "拍摄者"]) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    // The ICC profile stays (colours), and the entropy-coded scan is byte-for-byte the same.
    expect(bytes.includes(Buffer.from("ICC_PROFILE\0"))).toBe(true);
    // (lastIndexOf: the Exif thumbnail inside the source is a JPEG with a scan of its own.)
    const scan = (b: Buffer) => b.subarray(b.lastIndexOf(Buffer.from([0xff, 0xda])));
    expect(scan(bytes).equals(scan(src))).toBe(true);
  });

  it("reads a little-endian Orientation and is idempotent", async () => {
    const once = stripExif(fixture("photo-gps-le.jpg"));
    expect(once.orientation).toBe(3);
    expect((await tagsOf(once.bytes)).latitude).toBeUndefined();
    const twice = stripExif(once.bytes);
    expect(twice.bytes.equals(once.bytes)).toBe(true);
  });

  it("removes eXIf, XMP and text chunks from a PNG with valid CRCs left", async () => {
    const src = fixture("photo-gps.png");
    expect((await tagsOf(src)).latitude).toBeCloseTo(35.1962, 4);
    const { bytes, type } = stripExif(src);
    expect(type).toBe("png");
    expect((await tagsOf(bytes)).latitude).toBeUndefined();
    const types: string[] = [];
    for (let i = 8; i < bytes.length; ) {
      const len = bytes.readUInt32BE(i);
      types.push(bytes.toString("latin1", i + 4, i + 8));
      expect(crc32(bytes.subarray(i + 4, i + 8 + len))).toBe(bytes.readUInt32BE(i + 8 + len));
      i += 12 + len;
    }
    expect(types[0]).toBe("IHDR");
    expect(types.at(-1)).toBe("IEND");
    expect(types.filter((t) => ["tEXt", "iTXt", "zTXt", "eXIf", "tIME"].includes(t))).toEqual([]);
    expect(bytes.includes(Buffer.from("Xiaomi"))).toBe(false);
  });

  it("knows the CRC-32 check value", () => {
    // The standard check value of CRC-32/ISO-HDLC for "123456789".
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("refuses other files and damaged images", () => {
    expect(() => stripExif(Buffer.from("%PDF-1.7\n"))).toThrow(ImageFormatError);
    const jpg = fixture("photo-gps.jpg");
    expect(() => stripExif(jpg.subarray(0, jpg.length - 2))).toThrow(/end of image/);
    const png = Buffer.from(fixture("photo-gps.png"));
    png[40] ^= 0xff;
    expect(() => stripExif(png)).toThrow(ImageFormatError);
  });
});
