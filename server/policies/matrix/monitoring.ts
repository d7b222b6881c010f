/**
 * @module Authorization matrix rows of one area — Monitoring (issues 8, 9): ecological flow, drinking sources, river
 * grades, a point's year of monthly classes, the monitoring settings — routes added after the first slice.
 * See ./area.ts for the format. Fixture: a section on a water body of its own (for the river page).
 */
import { defineMatrixArea } from "./area";
import { DEFAULT_MONITORING_SETTINGS } from "../../../domain/assessment/settings";

/** Ids of the fixture. */
interface Fixture {
  waterBody: string;
}

/** The area's rows, fixtures and requests. */
export const monitoringMatrix = defineMatrixArea<Fixture>({
  name: "monitoring",
  table: `
GET /api/monitoring/eco-flow                  D A A A A A A
GET /api/monitoring/drinking-water            D A A A A A A
GET /api/monitoring/rivers                    D A A A A A A
GET /api/monitoring/rivers/:waterBody         D A A A A A A
GET /api/monitoring/settings                  D A A A A A A
PUT /api/monitoring/settings                  D A D D D D D
GET /api/readings/assessment/year             D A A A A A A
`,
  async fixture({ db }) {
    const waterBody = "矩阵河";
    await db.insertInto("monitoring_points")
      .values({ code: "MX-S1", name: "矩阵河断面", kind: "section", level: "county", water_body: waterBody, water_body_type: "river", target_class: 3 })
      .execute();
    return { waterBody };
  },
  requests: {
    "GET /api/monitoring/eco-flow": () => ({ url: "/api/monitoring/eco-flow?from=2024-01-01&to=2024-12-31" }),
    "GET /api/monitoring/drinking-water": () => ({ url: "/api/monitoring/drinking-water?from=2024-01&to=2024-12" }),
    "GET /api/monitoring/rivers": () => ({ url: "/api/monitoring/rivers?from=2024-05&to=2024-05" }),
    "GET /api/monitoring/rivers/:waterBody": (fx) => ({ url: `/api/monitoring/rivers/${encodeURIComponent(fx.waterBody)}?year=2024` }),
    "GET /api/monitoring/settings": () => ({ url: "/api/monitoring/settings" }),
    // Saving the defaults changes nothing, so the request needs no undo.
    "PUT /api/monitoring/settings": () => ({ url: "/api/monitoring/settings", body: { ecoFlow: DEFAULT_MONITORING_SETTINGS.ecoFlow } }),
    "GET /api/readings/assessment/year": (_fx, base) => ({ url: `/api/readings/assessment/year?pointId=${base.sectionId}&year=2024` }),
  },
});
