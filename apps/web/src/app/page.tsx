/**
 * The home page: what the atlas is, with the search box; its totals; its documents; the pages to
 * start from; the whole atlas to download; and the actors mentioned most.
 */
import { ApiFailure } from "@/components/api-failure";
import { figuresOf, loadOverview } from "./_components/home-data";
import { HomeEntries } from "./_components/home-entries";
import { HomeExport } from "./_components/home-export";
import { HomeFigures } from "./_components/home-figures";
import { HomeIntro } from "./_components/home-intro";
import { HomeSources } from "./_components/home-sources";
import { HomeTopActors } from "./_components/home-top-actors";

export default async function HomePage() {
  const result = await loadOverview();
  if (!result.ok) return <ApiFailure failure={result.failure} />;
  const [stats, sources] = result.data;
  return (
    <>
      <HomeIntro />
      <HomeFigures figures={figuresOf(stats)} />
      <HomeSources sources={sources.items} />
      <HomeEntries />
      <HomeExport />
      <HomeTopActors actors={stats.topActors} />
    </>
  );
}
