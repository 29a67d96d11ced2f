// Every story kind the demo generator can write, per language.
import { nationalMeetingEn, provincialCelebrationEn } from "./anniversary.ts";
import { delegationVisitEn, embassyGatheringEn } from "./diplomacy.ts";
import { inspectionEn } from "./inspection.ts";
import { farmReportEn, industryReportEn } from "./local-economy.ts";
import { contestEn, exhibitionEn, newHousesEn } from "./society.ts";
import { delegationEs, farmReportEs, inspectionEs, nationalMeetingEs } from "./spanish.ts";
import type { StoryKind, StoryLanguage } from "./story.ts";

export const STORY_KINDS: readonly StoryKind[] = [
  inspectionEn,
  farmReportEn,
  industryReportEn,
  nationalMeetingEn,
  provincialCelebrationEn,
  delegationVisitEn,
  embassyGatheringEn,
  newHousesEn,
  exhibitionEn,
  contestEn,
  inspectionEs,
  farmReportEs,
  nationalMeetingEs,
  delegationEs,
];

export function storyKindsIn(language: StoryLanguage): StoryKind[] {
  return STORY_KINDS.filter((kind) => kind.language === language);
}
