import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const Rulebook = graphql(`
  query Rulebook {
    checklistItems {
      id
      code
      kind
      label
      labelEn
      rule
      points
      active
      order
    }
    inspectionSettings {
      roundTimes
      dueMinutes
      noticeAppealDays
      workStart
      workEnd
    }
  }
`);
const Create = graphql(`
  mutation CreateChecklistItem($input: ChecklistItemInput!) {
    createChecklistItem(input: $input) {
      id
    }
  }
`);
const Update = graphql(`
  mutation UpdateChecklistItem($id: ID!, $input: ChecklistItemUpdateInput!) {
    updateChecklistItem(id: $id, input: $input) {
      id
    }
  }
`);
const Settings = graphql(`
  mutation UpdateInspectionSettings($input: InspectionSettingsInput!) {
    updateInspectionSettings(input: $input) {
      roundTimes
    }
  }
`);

export type RuleRow = ResultOf<typeof Rulebook>['checklistItems'][number];
export type Settings = ResultOf<typeof Rulebook>['inspectionSettings'];

export const loadRulebook = () => request(Rulebook);
export const createRule = (input: VariablesOf<typeof Create>['input']) => request(Create, { input });
export const updateRule = (id: string, input: VariablesOf<typeof Update>['input']) => request(Update, { id, input });
export const saveSettings = (input: VariablesOf<typeof Settings>['input']) => request(Settings, { input });
