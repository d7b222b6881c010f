/**
 * @module The registries area (台账): its nested routes under /registries/* — the overview, the river register and
 * 河湖长 directory, and each campaign registry's list and detail pages — each page a lazy chunk of its own.
 */
import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { NotFound, PageLoading } from "../../components/Status";

const HomeScene = lazy(() => import("./HomeScene"));
const RiversScene = lazy(() => import("./rivers/RiversScene"));
const RiverScene = lazy(() => import("./rivers/RiverScene"));
const ChiefsScene = lazy(() => import("./rivers/ChiefsScene"));
const BodiesScene = lazy(() => import("./blackOdorous/BodiesScene"));
const BodyScene = lazy(() => import("./blackOdorous/BodyScene"));
const OutfallsScene = lazy(() => import("./outfalls/OutfallsScene"));
const OutfallScene = lazy(() => import("./outfalls/OutfallScene"));
const ProblemsScene = lazy(() => import("./fourChaos/ProblemsScene"));
const ProblemScene = lazy(() => import("./fourChaos/ProblemScene"));
const SourcesScene = lazy(() => import("./drinking/SourcesScene"));
const SourceScene = lazy(() => import("./drinking/SourceScene"));
const SourceProblemsScene = lazy(() => import("./drinking/ProblemsScene"));
const SourceProblemScene = lazy(() => import("./drinking/ProblemScene"));
const EnterprisesScene = lazy(() => import("./enterprises/EnterprisesScene"));
const EnterpriseScene = lazy(() => import("./enterprises/EnterpriseScene"));
const FluorideScene = lazy(() => import("./enterprises/FluorideScene"));
const WaterUseScene = lazy(() => import("./enterprises/WaterUseScene"));
const FacilitiesScene = lazy(() => import("./facilities/FacilitiesScene"));
const FacilityListScene = lazy(() => import("./facilities/FacilityListScene"));
const FacilityScene = lazy(() => import("./facilities/FacilityScene"));

/** Routes of the area. */
export default function RegistriesArea() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route index element={<HomeScene />} />
        <Route path="rivers" element={<RiversScene />} />
        <Route path="rivers/:id" element={<RiverScene />} />
        <Route path="river-chiefs" element={<ChiefsScene />} />
        <Route path="black-odorous" element={<BodiesScene />} />
        <Route path="black-odorous/:id" element={<BodyScene />} />
        <Route path="outfalls" element={<OutfallsScene />} />
        <Route path="outfalls/:id" element={<OutfallScene />} />
        <Route path="four-chaos" element={<ProblemsScene />} />
        <Route path="four-chaos/:id" element={<ProblemScene />} />
        <Route path="drinking-sources" element={<SourcesScene />} />
        <Route path="drinking-sources/:id" element={<SourceScene />} />
        <Route path="drinking-problems" element={<SourceProblemsScene />} />
        <Route path="drinking-problems/:id" element={<SourceProblemScene />} />
        <Route path="enterprises" element={<EnterprisesScene />} />
        <Route path="enterprises/fluoride-coverage" element={<FluorideScene />} />
        <Route path="enterprises/:id" element={<EnterpriseScene />} />
        <Route path="enterprise-years" element={<WaterUseScene />} />
        <Route path="facilities" element={<FacilitiesScene />} />
        <Route path="facilities/:kind" element={<FacilityListScene />} />
        <Route path="facilities/:kind/:id" element={<FacilityScene />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
