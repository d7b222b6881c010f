/**
 * @module Every area's part of the authorization matrix, merged by the matrix test with the core table.
 */
import type { MatrixArea } from "./area";
import { supervisionMatrix } from "./supervision";
import { monitoringMatrix } from "./monitoring";
import { registriesMatrix } from "./registries";
import { qualityMatrix } from "./quality";
import { publicMatrix } from "./public";
import { productionMatrix } from "./production";
import { enterprisesMatrix } from "./enterprises";

/** The areas, in no particular order (a route may appear in one area only). */
export const MATRIX_AREAS: MatrixArea<any>[] = [
  supervisionMatrix, monitoringMatrix, registriesMatrix, enterprisesMatrix, qualityMatrix, publicMatrix, productionMatrix,
];
