//! Screenings through the API: the instrument definitions, a person's
//! screenings, starting one, answering item by item, completing it and
//! reading the result.
//!
//! Answers and scores are clinical: only the care workers and the medical
//! service of the person's prison reach them (the use cases ask the
//! policy). Items and options are named by their stable codes
//! (`alcohol.q2`, `weekly`), never by labels; labels come in the language
//! of administration for the questions, and in the caller's language for
//! the result.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::screening::{Mode, Screening, ScreeningRecord, StartRequest};
use continuum_app::{Actor, AppError};
use continuum_domain::instrument::{Instrument, ItemKey, Labels, RiskLevel, Scoring, ScreeningResult};
use continuum_domain::policy::Action;
use continuum_domain::site::Language;
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, checked, failure};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiCaller, actor_lang};
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A text in the programme's three languages.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct LabelsDto {
    /// Dutch.
    pub nl: String,
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

/// One answer option of an item.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InstrumentOptionDto {
    /// Stable code, sent as the answer.
    pub code: String,
    /// What it adds to the score.
    pub weight: u32,
    /// Continuum's labels.
    pub labels: LabelsDto,
}

/// One item: a question about a group (an ASSIST substance class).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InstrumentItemDto {
    /// `group.question`, as sent with an answer.
    pub item: String,
    /// The group's code.
    pub group: String,
    /// The group's labels.
    pub group_labels: LabelsDto,
    /// Whether the person names the group ("other, specify").
    pub named_group: bool,
    /// Continuum's short labels of the question (not the validated wording).
    pub labels: LabelsDto,
    /// The options, in display order.
    pub options: Vec<InstrumentOptionDto>,
}

/// One risk level of a band set.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BandDto {
    /// Stable code.
    pub code: String,
    /// Lowest score.
    pub min: u32,
    /// Highest score (inclusive).
    pub max: u32,
    /// Labels.
    pub labels: LabelsDto,
}

/// The risk levels of a score.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct BandSetDto {
    /// Stable code.
    pub code: String,
    /// The levels, lowest first.
    pub bands: Vec<BandDto>,
}

/// One version of a screening instrument's definition.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InstrumentDto {
    /// Stable code (`assist`, `audit_c`).
    pub code: String,
    /// Version of the definition.
    pub version: String,
    /// Whether this is the programme's uniform tool (WHO ASSIST v3.1).
    pub uniform: bool,
    /// The instrument's name.
    pub labels: LabelsDto,
    /// Rights holder and what may be shipped.
    pub rights: String,
    /// `per_group` (a score per substance class) or `total`.
    pub scoring: String,
    /// LOINC code of the panel, where LOINC has one.
    pub loinc_panel: Option<String>,
    /// LOINC code of the total score, where LOINC has one.
    pub loinc_total: Option<String>,
    /// Every item, in administration order.
    pub items: Vec<InstrumentItemDto>,
    /// The risk levels.
    pub band_sets: Vec<BandSetDto>,
}

/// A screening, without its answers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScreeningDto {
    /// Id.
    pub id: i64,
    /// The person screened.
    pub person_id: i64,
    /// Instrument code.
    pub instrument: String,
    /// Instrument version.
    pub version: String,
    /// Language of administration (ISO 639-1).
    pub language: String,
    /// `interview` or `self`.
    pub mode: String,
    /// The content pack used, if any.
    pub content_pack: Option<String>,
    /// `in_progress` or `completed`.
    pub status: String,
    /// Once completed: whether the screen is positive.
    pub positive: Option<bool>,
    /// Started (UTC).
    pub started_at: String,
    /// Completed (UTC).
    pub completed_at: Option<String>,
}

/// An answer option, labelled in the language of administration.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OptionDto {
    /// Stable code, sent as the answer.
    pub code: String,
    /// Label.
    pub label: String,
}

/// The item to ask next.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuestionDto {
    /// `group.question`.
    pub item: String,
    /// The group asked about, labelled.
    pub group: String,
    /// Continuum's label of the question.
    pub question: String,
    /// The options, in display order.
    pub options: Vec<OptionDto>,
    /// Whether the group is named by the person: send `name` with the answer.
    pub named: bool,
}

/// An answer given.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GivenAnswerDto {
    /// `group.question`.
    pub item: String,
    /// The option's code.
    pub option: String,
    /// The option's label in the language of administration.
    pub label: String,
    /// Whether the item is asked given the other answers (an answer to an
    /// item skipped since is kept, but not scored).
    pub asked: bool,
}

/// The name given to a named group.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NamedGroupDto {
    /// The group's code.
    pub group: String,
    /// The name given.
    pub name: String,
}

/// A screening with its progress and answers.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScreeningDetailDto {
    /// The screening.
    #[serde(flatten)]
    pub screening: ScreeningDto,
    /// Items answered among those asked.
    pub answered: usize,
    /// Items asked given the answers so far.
    pub applicable: usize,
    /// The item to ask next; absent when every item asked is answered (then
    /// complete it) or the screening is completed.
    pub next_item: Option<QuestionDto>,
    /// The answers given.
    pub answers: Vec<GivenAnswerDto>,
    /// Names given to named groups.
    pub names: Vec<NamedGroupDto>,
}

/// A risk level reached.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RiskDto {
    /// Stable code (`low`, `moderate`, `high`).
    pub code: String,
    /// Label, in the caller's language.
    pub label: String,
    /// What the level calls for, in the caller's language, when the
    /// instrument's manual names it.
    pub action: Option<String>,
}

/// The score of one group (an ASSIST substance class).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GroupScoreDto {
    /// The group's code.
    pub group: String,
    /// The group's label.
    pub label: String,
    /// The name given, for a named group.
    pub name: Option<String>,
    /// The score.
    pub score: u32,
    /// The highest score possible.
    pub max: u32,
    /// The risk level, if the group has one.
    pub risk: Option<RiskDto>,
}

/// The total score.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TotalScoreDto {
    /// The total.
    pub score: u32,
    /// The highest total possible.
    pub max: u32,
    /// The risk level, if the total has one.
    pub risk: Option<RiskDto>,
}

/// A finding that calls for an action whatever the scores.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AlertDto {
    /// Stable code.
    pub code: String,
    /// What it calls for, in the caller's language.
    pub action: String,
}

/// The result of a completed screening: a screening result, not a diagnosis.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ScreeningResultDto {
    /// The screening.
    pub screening_id: i64,
    /// The person.
    pub person_id: i64,
    /// Instrument code.
    pub instrument: String,
    /// The version it was answered and scored with.
    pub version: String,
    /// Language of administration.
    pub language: String,
    /// `interview` or `self`.
    pub mode: String,
    /// The content pack used, if any.
    pub content_pack: Option<String>,
    /// Completed (UTC).
    pub completed_at: Option<String>,
    /// Whether the screen is positive (the programme's rule).
    pub positive: bool,
    /// One score per group, in the definition's order.
    pub scores: Vec<GroupScoreDto>,
    /// The total, for instruments scored by total.
    pub total: Option<TotalScoreDto>,
    /// Alerts raised.
    pub alerts: Vec<AlertDto>,
    /// Whether a sex-dependent cut-off was decided with the cut-off for an
    /// unknown or other sex.
    pub unspecified_sex_cutoff: bool,
}

/// A screening to start; every field may be left out.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewScreeningDto {
    /// Instrument code; default the uniform tool, `assist`.
    #[schema(example = "assist")]
    pub instrument: Option<String>,
    /// Instrument version; default the uniform tool's for its code, or the
    /// only version shipped.
    pub version: Option<String>,
    /// `interview` (default) or `self`.
    pub mode: Option<String>,
    /// Language of administration, `nl`, `fr` or `en`; default the person's
    /// preferred language when it is one of these, else the caller's.
    pub language: Option<String>,
}

/// An answer to one item.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct AnswerDto {
    /// `group.question`.
    #[schema(required = true, value_type = String, example = "alcohol.q2")]
    pub item: Option<String>,
    /// The option's code.
    #[schema(required = true, value_type = String, example = "weekly")]
    pub option: Option<String>,
    /// For a named group ("other, specify"): what it is.
    pub name: Option<String>,
}

fn labels_dto(labels: &Labels) -> LabelsDto {
    LabelsDto { nl: labels.nl.clone(), fr: labels.fr.clone(), en: labels.en.clone() }
}

fn instrument_dto(instrument: &Instrument) -> InstrumentDto {
    InstrumentDto {
        code: instrument.code.clone(),
        version: instrument.version.clone(),
        uniform: continuum_app::instruments::Catalogue::is_uniform(&instrument.code, &instrument.version),
        labels: labels_dto(&instrument.labels),
        rights: instrument.rights.clone(),
        scoring: match instrument.scoring {
            Scoring::PerGroup => "per_group",
            Scoring::Total { .. } => "total",
        }
        .to_owned(),
        loinc_panel: instrument.loinc.panel.clone(),
        loinc_total: instrument.loinc.total.clone(),
        items: instrument
            .items()
            .into_iter()
            .map(|item| InstrumentItemDto {
                item: item.key().to_string(),
                group: item.group.code.clone(),
                group_labels: labels_dto(&item.group.labels),
                named_group: item.group.named,
                labels: labels_dto(&item.question.labels),
                options: item
                    .question
                    .options
                    .iter()
                    .map(|o| InstrumentOptionDto {
                        code: o.code.clone(),
                        weight: o.weight,
                        labels: labels_dto(&o.labels),
                    })
                    .collect(),
            })
            .collect(),
        band_sets: instrument
            .band_sets
            .iter()
            .map(|set| BandSetDto {
                code: set.code.clone(),
                bands: set
                    .bands
                    .iter()
                    .map(|b| BandDto { code: b.code.clone(), min: b.min, max: b.max, labels: labels_dto(&b.labels) })
                    .collect(),
            })
            .collect(),
    }
}

fn screening_dto(s: &Screening) -> ScreeningDto {
    ScreeningDto {
        id: s.id,
        person_id: s.person_id,
        instrument: s.instrument.clone(),
        version: s.version.clone(),
        language: s.language.clone(),
        mode: s.mode.clone(),
        content_pack: s.content_pack_id.map(|id| id.to_string()),
        status: s.status.clone(),
        positive: s.positive.map(|p| p != 0),
        started_at: s.started_at.clone(),
        completed_at: s.completed_at.clone(),
    }
}

fn question_dto(record: &ScreeningRecord<'_>, key: &ItemKey, language: Language) -> Option<QuestionDto> {
    let item = record.instrument.item(key)?;
    Some(QuestionDto {
        item: key.to_string(),
        group: item.group.labels.get(language).to_owned(),
        question: item.question.labels.get(language).to_owned(),
        options: item
            .question
            .options
            .iter()
            .map(|o| OptionDto { code: o.code.clone(), label: o.labels.get(language).to_owned() })
            .collect(),
        named: item.group.named,
    })
}

fn detail_dto(record: &ScreeningRecord<'_>) -> ScreeningDetailDto {
    let language = Language::parse(&record.screening.language).unwrap_or(Language::En);
    let answers = record
        .answers
        .iter()
        .map(|(key, option)| GivenAnswerDto {
            item: key.to_string(),
            option: option.to_owned(),
            label: record
                .instrument
                .item(key)
                .and_then(|item| item.question.option(option))
                .map(|o| o.labels.get(language).to_owned())
                .unwrap_or_default(),
            asked: record.applicable.contains(key),
        })
        .collect();
    ScreeningDetailDto {
        screening: screening_dto(&record.screening),
        answered: record.answered(),
        applicable: record.applicable.len(),
        next_item: record.next.as_ref().and_then(|key| question_dto(record, key, language)),
        answers,
        names: record
            .answers
            .names()
            .map(|(group, name)| NamedGroupDto { group: group.to_owned(), name: name.to_owned() })
            .collect(),
    }
}

/// The label of a risk level of a band set.
fn risk_dto(instrument: &Instrument, band_set: Option<&str>, level: &RiskLevel, lang: continuum_i18n::Lang) -> RiskDto {
    let language = Language::parse(lang.code()).unwrap_or(Language::En);
    RiskDto {
        code: level.code.clone(),
        label: band_set
            .and_then(|code| instrument.band_set(code))
            .and_then(|set| set.bands.iter().find(|b| b.code == level.code))
            .map(|band| band.labels.get(language).to_owned())
            .unwrap_or_else(|| level.code.clone()),
        action: level.action.as_ref().map(|id| continuum_i18n::t(lang, id)),
    }
}

fn result_dto(
    screening: &Screening,
    instrument: &Instrument,
    result: &ScreeningResult,
    lang: continuum_i18n::Lang,
) -> ScreeningResultDto {
    let language = Language::parse(lang.code()).unwrap_or(Language::En);
    let scores = result
        .groups
        .iter()
        .map(|g| {
            let group = instrument.group(&g.group);
            GroupScoreDto {
                group: g.group.clone(),
                label: group.map(|d| d.labels.get(language).to_owned()).unwrap_or_else(|| g.group.clone()),
                name: g.name.clone(),
                score: g.score,
                max: g.max,
                risk: g.level.as_ref().map(|l| risk_dto(instrument, group.and_then(|d| d.bands.as_deref()), l, lang)),
            }
        })
        .collect();
    let total_bands = match &instrument.scoring {
        Scoring::Total { bands } => bands.as_deref(),
        Scoring::PerGroup => None,
    };
    ScreeningResultDto {
        screening_id: screening.id,
        person_id: screening.person_id,
        instrument: result.instrument.clone(),
        version: result.version.clone(),
        language: screening.language.clone(),
        mode: screening.mode.clone(),
        content_pack: screening.content_pack_id.map(|id| id.to_string()),
        completed_at: screening.completed_at.clone(),
        positive: result.positive,
        scores,
        total: result.total.as_ref().map(|t| TotalScoreDto {
            score: t.score,
            max: t.max,
            risk: t.level.as_ref().map(|l| risk_dto(instrument, total_bands, l, lang)),
        }),
        alerts: result
            .alerts
            .iter()
            .map(|a| AlertDto { code: a.code.clone(), action: continuum_i18n::t(lang, &a.action) })
            .collect(),
        unspecified_sex_cutoff: result.unspecified_sex_cutoff,
    }
}

/// The instrument definitions (no personal data).
#[utoipa::path(
    get,
    path = "/api/v1/instruments",
    operation_id = "list_instruments",
    tag = "screening",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every instrument version shipped.", body = Vec<InstrumentDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_instruments(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<InstrumentDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    let definitions = state.app.instrument_definitions(&actor).await.map_err(&fail)?;
    Ok(Json(definitions.into_iter().map(instrument_dto).collect()))
}

/// A person's screenings, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/screenings",
    operation_id = "list_screenings",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The person's screenings.", body = Vec<ScreeningDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_screenings(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
) -> Result<Json<Vec<ScreeningDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "screening.list").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let list = state.app.person_screenings(&actor, person_id).await.map_err(&fail)?;
    Ok(Json(list.iter().map(screening_dto).collect()))
}

/// Starts a screening of a person, or answers the one of the same
/// instrument version already in progress (200, as it was started).
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/screenings",
    operation_id = "start_screening",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = NewScreeningDto,
    responses(
        (status = 201, description = "Started.", body = ScreeningDetailDto),
        (status = 200, description = "One in progress, to resume.", body = ScreeningDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown instrument, version, mode or language.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn start_screening(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewScreeningDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<ScreeningDetailDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "screening.start").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let mode = match body.mode.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => Mode::Interview,
        Some(code) => Mode::parse(code).unwrap_or_else(|| {
            errors.push("mode", FieldProblem::InvalidFormat);
            Mode::Interview
        }),
    };
    let language = match body.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => None,
        Some(code) => {
            let parsed = Language::parse(code);
            if parsed.is_none() {
                errors.push("language", FieldProblem::InvalidFormat);
            }
            parsed
        }
    };
    let request = StartRequest {
        instrument: body.instrument.as_deref().unwrap_or(continuum_app::instruments::UNIFORM.0),
        version: body.version.as_deref(),
        mode,
        language,
    };
    let request = checked(errors, request).map_err(&fail)?;
    let started = state.app.start_screening_with(&actor, person_id, &request).await.map_err(&fail)?;
    let record = state.app.screening_record(&actor, started.id).await.map_err(&fail)?;
    let status = if started.resumed { StatusCode::OK } else { StatusCode::CREATED };
    Ok((status, [(header::LOCATION, format!("/api/v1/screenings/{}", started.id))], Json(detail_dto(&record))))
}

/// A screening: its progress, the item to ask next and the answers given.
#[utoipa::path(
    get,
    path = "/api/v1/screenings/{id}",
    operation_id = "get_screening",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The screening's id.")),
    responses(
        (status = 200, description = "The screening.", body = ScreeningDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such screening at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_screening(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ScreeningDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "screening.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(detail_dto(&state.app.screening_record(&actor, id).await.map_err(&fail)?)))
}

/// The message of an answer refused, naming the item it was given for.
fn refused_answer(
    error: ApiError,
    invalid: &Invalid,
    lang: continuum_i18n::Lang,
    item: &str,
    option: &str,
) -> ApiError {
    use continuum_i18n::Arg;
    let args = [("item", Arg::Str(item.to_owned())), ("option", Arg::Str(option.to_owned()))];
    let error = if invalid.for_field("item") == Some(&FieldProblem::InvalidFormat) {
        error.with_field_message(
            "item",
            "unknown-item",
            continuum_i18n::t_args(lang, "screening-answer-unknown-item", &args),
        )
    } else {
        error
    };
    if invalid.for_field("option") == Some(&FieldProblem::InvalidFormat) {
        error.with_field_message(
            "option",
            "not-an-option",
            continuum_i18n::t_args(lang, "screening-answer-not-an-option", &args),
        )
    } else {
        error
    }
}

/// Saves the answer to one item (replacing an earlier one); answers with
/// the screening as it stands.
#[utoipa::path(
    post,
    path = "/api/v1/screenings/{id}/answers",
    operation_id = "answer_screening",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The screening's id.")),
    request_body = AnswerDto,
    responses(
        (status = 200, description = "Saved.", body = ScreeningDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such screening at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The screening is completed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such item, or an answer outside the item's options (the message names the item).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn answer_screening(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<AnswerDto>,
) -> Result<Json<ScreeningDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "screening.answer").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let item = super::required(&mut errors, "item", body.item.filter(|i| !i.trim().is_empty()));
    let option = super::required(&mut errors, "option", body.option.filter(|o| !o.trim().is_empty()));
    checked(errors, ()).map_err(&fail)?;
    let name = body.name.as_deref().filter(|n| !n.trim().is_empty());
    match state.app.answer_screening(&actor, id, &item, &option, name).await {
        Ok(()) => {}
        Err(AppError::Invalid(invalid)) => {
            let error = fail(AppError::Invalid(invalid.clone()));
            return Err(refused_answer(error, &invalid, actor_lang(&actor), item.trim(), option.trim()));
        }
        Err(error) => return Err(fail(error)),
    }
    Ok(Json(detail_dto(&state.app.screening_record(&actor, id).await.map_err(&fail)?)))
}

/// Completes a screening whose items asked are all answered: scores it and
/// records the outcome on the person's pathway (uniform tool only).
#[utoipa::path(
    post,
    path = "/api/v1/screenings/{id}/complete",
    operation_id = "complete_screening",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The screening's id.")),
    responses(
        (status = 200, description = "Completed; the result.", body = ScreeningResultDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such screening at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Items still to answer, or already completed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn complete_screening(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ScreeningResultDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "screening.complete").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.complete_screening(&actor, id).await.map_err(&fail)?;
    result_of(&state, &actor, id).await.map_err(&fail).map(Json)
}

async fn result_of(state: &AppState, actor: &Actor, id: i64) -> Result<ScreeningResultDto, AppError> {
    let (screening, result) = state.app.screening_result(actor, id).await?;
    if screening.status != "completed" {
        return Err(AppError::Conflict("screening-incomplete"));
    }
    let instrument = state.app.instruments().get(&screening.instrument, &screening.version).ok_or_else(|| {
        AppError::Internal(anyhow::anyhow!("unknown instrument {} {}", screening.instrument, screening.version))
    })?;
    Ok(result_dto(&screening, instrument, &result, actor_lang(actor)))
}

/// The result of a completed screening: scores per group, risk levels, the
/// positive or negative screen, mode, language and instrument version.
#[utoipa::path(
    get,
    path = "/api/v1/screenings/{id}/result",
    operation_id = "get_screening_result",
    tag = "screening",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The screening's id.")),
    responses(
        (status = 200, description = "The result.", body = ScreeningResultDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such screening at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not completed yet.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_screening_result(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ScreeningResultDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "screening.result").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    result_of(&state, &actor, id).await.map_err(&fail).map(Json)
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/instruments", Access::Policy(Action::ViewReferenceData), get(list_instruments))
        .add("GET", "/api/v1/people/{id}/screenings", Access::Policy(Action::ReadClinical), get(list_screenings))
        .add("POST", "/api/v1/people/{id}/screenings", Access::Policy(Action::WriteClinical), post(start_screening))
        .add("GET", "/api/v1/screenings/{id}", Access::Policy(Action::ReadClinical), get(get_screening))
        .add("POST", "/api/v1/screenings/{id}/answers", Access::Policy(Action::WriteClinical), post(answer_screening))
        .add(
            "POST",
            "/api/v1/screenings/{id}/complete",
            Access::Policy(Action::WriteClinical),
            post(complete_screening),
        )
        .add("GET", "/api/v1/screenings/{id}/result", Access::Policy(Action::ReadClinical), get(get_screening_result))
}
