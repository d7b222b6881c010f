import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, createTestDatabase } from "../test/testDatabase";
import { buildUnit, buildUser } from "../test/factories";
import { buildComplaint, moveComplaint } from "../routes/complaints/testFixtures";
import { ComplaintOverdueTask } from "./complaintOverdueTask";

describe.each(ENGINES)("complaint overdue reminders on %s", (engine) => {
  let d: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    d = await createTestDatabase(engine);
  });
  afterAll(() => d.close());

  it("reminds the handling unit once a day of a complaint past its deadline, and not of one in time", async () => {
    const unit = await buildUnit(d.db, { name: "区城市管理局" });
    const staff = await buildUser(d.db, { username: "cg.staff", roles: ["unit_staff"], unitIds: [unit.id] });
    const day = 86_400_000;
    // waste_dumping has 10 days: received 11 days ago is overdue, 9 days ago is not.
    const late = await buildComplaint(d.db, { categoryCode: "waste_dumping", at: new Date(Date.now() - 11 * day) });
    const early = await buildComplaint(d.db, { categoryCode: "waste_dumping", at: new Date(Date.now() - 9 * day) });
    for (const c of [late, early]) await moveComplaint(d.db, c.complaint.id, [{ t: "dispatch", unitId: unit.id }]);
    const task = new ComplaintOverdueTask();
    const now = new Date();
    expect(await task.run({ db: d.db, now })).toEqual({ overdue: 1, notified: 1 });
    expect(await task.run({ db: d.db, now })).toEqual({ overdue: 1, notified: 0 });
    const mine = await d.db.selectFrom("notifications").select(["kind", "data"]).where("user_id", "=", staff.id).where("kind", "=", "complaint.overdue").execute();
    expect(mine.map((n) => (n.data as { complaintId: string }).complaintId)).toEqual([late.complaint.id]);
  });
});
