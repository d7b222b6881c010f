/**
 * @module The expected authorization of every API route for every role: the table the matrix test
 * (authorizationMatrix.test.ts) checks the running app against, together with the areas' rows in ./matrix/.
 * A new route without a row fails the test.
 * `A` allow, `D` deny (403; 401 for anonymous), `S` scoped (allowed, but only the actor's own units' data).
 */

/** Columns in order. */
export const MATRIX_COLUMNS = ["anonymous", "office_admin", "unit_head", "unit_staff", "monitoring_operator", "river_chief", "auditor"] as const;
/** One column. */
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];
/** One cell. */
export type Expectation = "A" | "D" | "S";

const table = `
route                              anonymous office_admin unit_head unit_staff monitoring_operator river_chief auditor
POST /api/auth/login               A         A            A         A          A                   A           A
POST /api/auth/logout              D         A            A         A          A                   A           A
GET /api/auth/me                   D         A            A         A          A                   A           A
POST /api/auth/password            D         A            A         A          A                   A           A
GET /api/users                     D         A            S         D          D                   D           A
GET /api/users/:id                 D         A            S         D          D                   D           A
POST /api/users                    D         A            D         D          D                   D           D
PATCH /api/users/:id               D         A            D         D          D                   D           D
POST /api/users/:id/password       D         A            D         D          D                   D           D
GET /api/units                     D         A            A         A          A                   A           A
POST /api/units                    D         A            D         D          D                   D           D
PATCH /api/units/:id               D         A            D         D          D                   D           D
GET /api/audit                     D         A            D         D          D                   D           A
POST /api/plans/preview            D         A            D         D          D                   D           D
POST /api/plans                    D         A            D         D          D                   D           D
GET /api/plans                     D         A            A         A          D                   A           A
GET /api/plans/:id                 D         A            A         A          D                   A           A
GET /api/plans/:id/ledger.xlsx     D         A            A         A          D                   A           A
GET /api/monitoring/points         D         A            A         A          A                   A           A
GET /api/monitoring/points/:id     D         A            A         A          A                   A           A
POST /api/monitoring/points        D         A            D         D          A                   D           D
PATCH /api/monitoring/points/:id   D         A            D         D          A                   D           D
PUT /api/monitoring/points/:id/limits D      A            D         D          A                   D           D
GET /api/monitoring/devices        D         A            A         A          A                   A           A
GET /api/monitoring/devices/status D         A            A         A          A                   A           A
POST /api/monitoring/devices       D         A            D         D          A                   D           D
PATCH /api/monitoring/devices/:id  D         A            D         D          A                   D           D
POST /api/monitoring/devices/:id/commands D A          D         D          A                   D           D
GET /api/readings/series           D         A            A         A          A                   A           A
GET /api/readings/latest           D         A            A         A          A                   A           A
POST /api/readings/corrections     D         D            D         D          A                   D           D
GET /api/readings/assessment       D         A            A         A          A                   A           A
GET /api/readings/lab-template     D         A            A         A          A                   A           A
POST /api/readings/lab-imports/check D       A            D         D          A                   D           D
POST /api/readings/lab-imports     D         A            D         D          A                   D           D
POST /api/rounds                   D         A            D         D          D                   D           D
GET /api/rounds                    D         A            A         A          D                   A           A
GET /api/rounds/:id                D         A            S         S          D                   A           A
POST /api/rounds/:id/submissions   D         D            S         S          D                   D           D
GET /api/submissions/:id/attachments/:sha256 D A          S         S          D                   A           A
GET /api/tasks                     D         A            A         A          D                   A           A
GET /api/supervision/lateness      D         A            A         A          D                   A           A
GET /api/supervision/ladders       D         A            S         S          D                   A           A
POST /api/supervision/proposals/:id/confirm D A           D         D          D                   D           D
GET /api/supervision/interviews    D         A            S         S          D                   A           A
POST /api/supervision/interviews/:id/minutes D A          D         D          D                   D           D
GET /api/supervision/ranking       D         A            A         A          D                   A           A
GET /api/supervision/documents     D         A            S         S          D                   A           A
GET /api/supervision/documents/:id/docx D    A            S         S          D                   A           A
GET /api/public/exposures          A         A            A         A          A                   A           A
GET /api/inbox                     D         A            A         A          A                   A           A
POST /api/inbox/read               D         A            A         A          A                   A           A
`;

/**
 * Parses rows (`METHOD /path` then one cell per column) into route → column → expectation.
 * @example parseMatrixTable("GET /api/units  D A A A A A A") // { "GET /api/units": { anonymous: "D", … } }
 */
export function parseMatrixTable(rows: string): Record<string, Record<MatrixColumn, Expectation>> {
  return Object.fromEntries(
    rows
      .trim()
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const parts = line.trim().split(/\s+/);
        const route = `${parts[0]} ${parts[1]}`;
        const cells = parts.slice(2) as Expectation[];
        if (cells.length !== MATRIX_COLUMNS.length || cells.some((c) => !"ADS".includes(c) || c.length !== 1)) {
          throw new Error(`authorization matrix: bad row ${route}`);
        }
        return [route, Object.fromEntries(MATRIX_COLUMNS.map((c, i) => [c, cells[i]])) as Record<MatrixColumn, Expectation>];
      }),
  );
}

/**
 * The core table (foundation, first slices of plans, supervision and monitoring): route → column → expectation.
 * Areas built later keep their rows in ./matrix/<area>.ts; the test merges both.
 */
export const AUTHORIZATION_MATRIX = parseMatrixTable(table.trim().split("\n").slice(1).join("\n"));
