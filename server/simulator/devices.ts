/**
 * @module The simulated fleet: surface-water automatic stations (ST=21, HJ 212-2017 Table 5 地表水质量监测) and
 * enterprise outlets (ST=32 地表水体环境污染源), each with its MN, password, factors and site parameters derived
 * from the seed. `listDevices` is what must be registered in the platform (devices + monitoring points) for the
 * gateway to accept the traffic.
 */
import { ENTERPRISE_PROFILES, STATION_PROFILES, siteFactor, type DeviceFactor } from "./values";
import { hashOf, seededRng } from "./random";

/** What a simulated device is. */
export type DeviceKind = "station" | "enterprise";

/** `--exceed [MN:]FACTOR=VALUE`: hold a factor at or just above a value (on one device, or on every device). */
export interface Exceedance {
  /** Only this device; every device measuring the factor when absent. */
  mn?: string;
  factor: string;
  value: number;
}

/** Which fleet to build. */
export interface FleetOptions {
  /** Number of devices; every third (index 0, 3, 6 …) is a station, the others enterprises. */
  devices: number;
  /** MN = prefix + zero-padded number (1-based); at most 24 characters together. */
  mnPrefix: string;
  /** Access password of every device. */
  pw: string;
  /** Seed of site parameters, values and faults. */
  seed: number;
  /** Factors pushed above their limits. */
  exceed?: Exceedance[];
}

/** Defaults of the fleet options. */
export const DEFAULT_FLEET: FleetOptions = { devices: 10, mnPrefix: "QLSIM", pw: "123456", seed: 1 };

/** One simulated device. */
export interface SimDevice {
  /** 0-based position in the fleet. */
  index: number;
  mn: string;
  pw: string;
  /** "21" station or "32" enterprise. */
  st: "21" | "32";
  kind: DeviceKind;
  /** Chinese display name. */
  name: string;
  /** Factors in sending order. */
  factors: DeviceFactor[];
  /** Seed of this device (schedule phase, faults). */
  seed: number;
}

/** What to register for one device: a monitoring point and the device bound to it. */
export interface DeviceListEntry {
  mn: string;
  pw: string;
  st: "21" | "32";
  kind: DeviceKind;
  name: string;
  /** Factor codes the device sends (for `devices.expected_factors`). */
  expectedFactors: string[];
  /** A monitoring point to bind the device to (`monitoring_points.code/name/kind`). */
  point: { code: string; name: string; kind: "auto_station" | "outlet" };
}

const SAFE = /^[0-9A-Za-z_-]*$/;

/** Checks fleet options; returns an error message or null. */
export function fleetProblem(o: FleetOptions): string | null {
  if (!Number.isInteger(o.devices) || o.devices < 1 || o.devices > 100_000) return "--devices must be an integer 1–100000";
  if (!SAFE.test(o.mnPrefix)) return "--mn-prefix may contain only letters, digits, '_' and '-'";
  if (o.mnPrefix.length + digitsFor(o.devices) > 24) return "--mn-prefix too long: MN is at most 24 characters";
  if (!o.pw || !SAFE.test(o.pw) || o.pw.length > 32) return "--pw must be letters/digits (HJ 212 passwords are 6 characters)";
  return null;
}

const digitsFor = (n: number) => Math.max(4, String(n).length);

/**
 * Builds the fleet; throws on invalid options (see `fleetProblem`).
 * @example buildFleet({ ...DEFAULT_FLEET, devices: 3 }).map((d) => d.mn) // ["QLSIM0001", "QLSIM0002", "QLSIM0003"]
 */
export function buildFleet(o: FleetOptions): SimDevice[] {
  const problem = fleetProblem(o);
  if (problem) throw new Error(problem);
  const digits = digitsFor(o.devices);
  const fleet: SimDevice[] = [];
  for (let i = 0; i < o.devices; i++) {
    const station = i % 3 === 0;
    const mn = o.mnPrefix + String(i + 1).padStart(digits, "0");
    const seed = hashOf(o.seed, mn);
    const rng = seededRng(seed);
    const factors = (station ? STATION_PROFILES : ENTERPRISE_PROFILES).map((profile) => {
      const f = siteFactor(profile, rng, seed);
      const ex = o.exceed?.find((e) => e.factor === f.code && (e.mn === undefined || e.mn === mn));
      return ex ? { ...f, exceed: ex.value } : f;
    });
    const n = String(i + 1).padStart(String(o.devices).length, "0");
    fleet.push({
      index: i, mn, pw: o.pw, st: station ? "21" : "32", kind: station ? "station" : "enterprise",
      name: station ? `模拟水质自动站${n}` : `模拟企业排口${n}`, factors, seed,
    });
  }
  return fleet;
}

/** A device registered in the platform, to be simulated as it is (the demo district's devices). */
export interface RegisteredDevice {
  mn: string;
  pw: string;
  st: "21" | "32";
  name: string;
  /** Factor codes it sends; codes without a profile of its kind are left out. */
  factors: readonly string[];
}

/**
 * A simulated device for a registered one: station (ST=21) or enterprise (ST=32) profiles of the factors it is
 * registered with, site parameters from `seed` and its MN.
 * @example simulateRegistered({ mn: "ZZDEMO00000006", pw: "x", st: "21", name: "白马门河自动站", factors: ["w01001"] }, 0, 1).factors[0].code // "w01001"
 */
export function simulateRegistered(d: RegisteredDevice, index: number, seed: number): SimDevice {
  const deviceSeed = hashOf(seed, d.mn);
  const rng = seededRng(deviceSeed);
  const profiles = d.st === "21" ? STATION_PROFILES : ENTERPRISE_PROFILES;
  const factors = d.factors.flatMap((code) => {
    const profile = profiles.find((p) => p.code === code);
    return profile ? [siteFactor(profile, rng, deviceSeed)] : [];
  });
  return { index, mn: d.mn, pw: d.pw, st: d.st, kind: d.st === "21" ? "station" : "enterprise", name: d.name, factors, seed: deviceSeed };
}

/**
 * The devices to register, as `--list-devices` prints them.
 * @example listDevices({ ...DEFAULT_FLEET, devices: 2 })[1] // { mn: "QLSIM0002", st: "32", kind: "enterprise", … }
 */
export function listDevices(o: FleetOptions): DeviceListEntry[] {
  return buildFleet(o).map((d) => ({
    mn: d.mn, pw: d.pw, st: d.st, kind: d.kind, name: d.name,
    expectedFactors: d.factors.map((f) => f.code),
    point: { code: `SIM-${d.mn}`, name: d.name, kind: d.kind === "station" ? "auto_station" : "outlet" },
  }));
}
