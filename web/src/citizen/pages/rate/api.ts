import { request } from '@/graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '@/graphql/graphql';

const PublicWindow = graphql(`
  query PublicWindow($code: String!) {
    publicWindow(code: $code) {
      code
      zone
      number
      name
      departmentName
      followUpDays
      onDuty {
        name
        staffNo
        title
        photoUrl
      }
      negativeTags {
        code
        zh
        en
      }
      positiveTags {
        code
        zh
        en
      }
    }
  }
`);
const IssueTicket = graphql(`
  mutation IssueRatingTicket($code: String!, $sig: String!) {
    issueRatingTicket(code: $code, sig: $sig) {
      ticket
      expiresAt
    }
  }
`);
const IssueCaseTicket = graphql(`
  mutation IssueCaseRatingTicket($caseNumber: String!, $slot: Int!, $mac: String!) {
    issueCaseRatingTicket(caseNumber: $caseNumber, slot: $slot, mac: $mac) {
      ticket
      expiresAt
    }
  }
`);
const Submit = graphql(`
  mutation SubmitRating($input: SubmitRatingInput!) {
    submitRating(input: $input) {
      accepted
      replayed
      negative
      followUpDays
      trackingCode
      askSteering
    }
  }
`);
const AnswerSteering = graphql(`
  mutation AnswerSteeringQuestion($clientKey: String!, $staffAsked: Boolean!) {
    answerSteeringQuestion(clientKey: $clientKey, staffAsked: $staffAsked)
  }
`);

export type WindowInfo = NonNullable<ResultOf<typeof PublicWindow>['publicWindow']>;
export type Tag = WindowInfo['negativeTags'][number];
export type RatingInput = VariablesOf<typeof Submit>['input'];
export type Level = RatingInput['level'];
export type SubmitResult = ResultOf<typeof Submit>['submitRating'];

export const loadWindow = (code: string) => request(PublicWindow, { code }).then((d) => d.publicWindow);
export const issueTicket = (code: string, sig: string) =>
  request(IssueTicket, { code, sig }).then((d) => d.issueRatingTicket);
/** The rotating QR code of a window's rating device for one case: ?case=&slot=&m= */
export interface CaseQr {
  caseNumber: string;
  slot: number;
  mac: string;
}
export const issueCaseTicket = (q: CaseQr) => request(IssueCaseTicket, q).then((d) => d.issueCaseRatingTicket);
export const submitRating = (input: RatingInput) => request(Submit, { input }).then((d) => d.submitRating);
/** 工作人员是否要求您给好评？ — answered once, by the rating's own clientKey. */
export const answerSteering = (clientKey: string, staffAsked: boolean) =>
  request(AnswerSteering, { clientKey, staffAsked }).then((d) => d.answerSteeringQuestion);
