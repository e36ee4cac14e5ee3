//! The care plan: goals agreed with the person and interventions (who does
//! what, from when, and how far it is), with the date of the next review.
//!
//! A plan is saved as a whole, every time, as a new version; every version
//! is kept and [`differences`] says what changed from one to the next.
//! Rules chosen here:
//! - **Items keep a key across versions** (`g1`, `i3`), so that a change of
//!   a goal is told from a goal removed and another added. A new row gets
//!   the next number of its kind after every key the plan ever used; a key
//!   is never given twice, and a row posted with a key the plan never used
//!   is refused (it was not typed, it was tampered with).
//! - **Rows**: a new row left blank is ignored (forms offer spare rows); a
//!   row is removed by saying so (`remove`), not by blanking it. A plan has
//!   at least one goal; a form takes at most [`MAX_ROWS`] goals and as many
//!   interventions.
//! - **Dates**: the plan's date (when this version was agreed) lies within
//!   the current detention and not after today; the review date is not
//!   before the plan's date (`ReviewBeforePlan`). An intervention starts on
//!   a given day, past or future.
//! - **A review** is a version saved as reviewed: it records that the plan
//!   was gone through with the person, usually with a new review date.

use jiff::civil::Date;

use super::{MAX_ROWS, choice, coded, past_date, row_fields};
use crate::validation::{Invalid, Problem, text};

/// The longest description of a goal or intervention, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 500;
/// The longest "who does it", in characters.
pub const RESPONSIBLE_MAX_CHARS: usize = 120;
/// The longest note on a version, in characters.
pub const NOTE_MAX_CHARS: usize = 1000;

coded!(
    /// How far a goal is.
    GoalStatus, "plan-goal-status", {
        /// Being worked on.
        Open => "open",
        /// Reached.
        Achieved => "achieved",
        /// Given up.
        Abandoned => "abandoned",
    }
);

coded!(
    /// What kind of help an intervention is (issue 5, item 2).
    InterventionKind, "plan-intervention-kind", {
        /// Individual counselling.
        IndividualCounselling => "individual_counselling",
        /// Group work.
        GroupWork => "group_work",
        /// Opioid agonist treatment.
        Oat => "oat",
        /// Harm reduction.
        HarmReduction => "harm_reduction",
        /// Preparation for release.
        ReleasePreparation => "release_preparation",
        /// Referral to another service.
        Referral => "referral",
    }
);

coded!(
    /// How far an intervention is.
    InterventionStatus, "plan-intervention-status", {
        /// Not started.
        Planned => "planned",
        /// Under way.
        InProgress => "in_progress",
        /// Done.
        Done => "done",
        /// Called off.
        Cancelled => "cancelled",
    }
);

coded!(
    /// What a version of the plan is.
    PlanChange, "plan-change", {
        /// The first version.
        Created => "created",
        /// A change.
        Revised => "revised",
        /// A review with the person.
        Reviewed => "reviewed",
    }
);

/// A goal of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// Stable across versions (`g1`).
    pub key: String,
    /// The goal, in the words agreed.
    pub description: String,
    /// How far it is.
    pub status: GoalStatus,
    /// When it should be reached, if agreed.
    pub target_date: Option<Date>,
}

/// An intervention of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intervention {
    /// Stable across versions (`i1`).
    pub key: String,
    /// The kind of help.
    pub kind: InterventionKind,
    /// What is done.
    pub description: String,
    /// Who does it.
    pub responsible: String,
    /// From when.
    pub starts_on: Date,
    /// How far it is.
    pub status: InterventionStatus,
}

/// The content of one version of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// When this version was agreed.
    pub plan_date: Date,
    /// When the plan is to be reviewed next.
    pub review_date: Date,
    /// The goals, in order.
    pub goals: Vec<Goal>,
    /// The interventions, in order.
    pub interventions: Vec<Intervention>,
}

/// A goal row as typed.
#[derive(Debug, Clone, Default)]
pub struct GoalFields<'a> {
    /// The row's key; empty for a new row.
    pub key: &'a str,
    /// The goal.
    pub description: &'a str,
    /// A [`GoalStatus`] code.
    pub status: &'a str,
    /// A date, or empty.
    pub target_date: &'a str,
    /// Remove the goal from the plan.
    pub remove: bool,
}

/// An intervention row as typed.
#[derive(Debug, Clone, Default)]
pub struct InterventionFields<'a> {
    /// The row's key; empty for a new row.
    pub key: &'a str,
    /// An [`InterventionKind`] code.
    pub kind: &'a str,
    /// What is done.
    pub description: &'a str,
    /// Who does it.
    pub responsible: &'a str,
    /// From when.
    pub starts_on: &'a str,
    /// An [`InterventionStatus`] code.
    pub status: &'a str,
    /// Remove the intervention from the plan.
    pub remove: bool,
}

/// A version of a plan as typed.
#[derive(Debug, Clone, Default)]
pub struct PlanFields<'a> {
    /// When this version was agreed.
    pub plan_date: &'a str,
    /// The next review.
    pub review_date: &'a str,
    /// Whether this version records a review with the person.
    pub reviewed: bool,
    /// What changed and why, in a few words.
    pub note: &'a str,
    /// The goal rows, in order.
    pub goals: Vec<GoalFields<'a>>,
    /// The intervention rows, in order.
    pub interventions: Vec<InterventionFields<'a>>,
}

/// What a plan is checked against.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    /// Today, by the register's date.
    pub today: Date,
    /// The entry date of the person's current detention episode.
    pub entry_date: Option<Date>,
    /// Every item key the plan ever used; empty for a new plan.
    pub used_keys: &'a [String],
}

/// A valid version of a plan, ready to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanDraft {
    /// The content.
    pub plan: Plan,
    /// What the version is.
    pub change: PlanChange,
    /// The note on the version.
    pub note: String,
}

row_fields!(GOAL_DESCRIPTION, "goal_description");
row_fields!(GOAL_STATUS, "goal_status");
row_fields!(GOAL_TARGET_DATE, "goal_target_date");
row_fields!(INTERVENTION_KIND, "intervention_kind");
row_fields!(INTERVENTION_DESCRIPTION, "intervention_description");
row_fields!(INTERVENTION_RESPONSIBLE, "intervention_responsible");
row_fields!(INTERVENTION_STARTS_ON, "intervention_starts_on");
row_fields!(INTERVENTION_STATUS, "intervention_status");

impl PlanDraft {
    /// Checks a version; answers every invalid field at once. Errors of a
    /// row name the row by its position in `fields` (`goal_status_2`).
    pub fn parse(fields: &PlanFields<'_>, context: PlanContext<'_>) -> Result<PlanDraft, Invalid> {
        let mut e = Invalid::default();
        let plan_date = past_date(&mut e, "plan_date", fields.plan_date, context.entry_date, context.today);
        let review_date = crate::person::required_date(&mut e, "review_date", fields.review_date);
        if let (Some(plan), Some(review)) = (plan_date, review_date)
            && review < plan
        {
            e.push("review_date", Problem::ReviewBeforePlan);
        }
        let mut keys = Keys::new(context.used_keys);
        let goals = goals(&mut e, &fields.goals, &mut keys);
        let interventions = interventions(&mut e, &fields.interventions, &mut keys);
        let note = text(&mut e, "note", fields.note, 0, NOTE_MAX_CHARS);
        let change = match (context.used_keys.is_empty(), fields.reviewed) {
            (true, _) => PlanChange::Created,
            (false, true) => PlanChange::Reviewed,
            (false, false) => PlanChange::Revised,
        };
        let (Some(plan_date), Some(review_date)) = (plan_date, review_date) else {
            return Err(e);
        };
        e.into_result(|| PlanDraft { plan: Plan { plan_date, review_date, goals, interventions }, change, note })
    }
}

/// Hands out item keys: checks the keys posted, numbers the new rows.
struct Keys<'a> {
    used: &'a [String],
    posted: Vec<String>,
    next: [u32; 2],
}

impl<'a> Keys<'a> {
    fn new(used: &'a [String]) -> Keys<'a> {
        let last = |prefix: char| {
            used.iter().filter_map(|k| k.strip_prefix(prefix).and_then(|n| n.parse::<u32>().ok())).max().unwrap_or(0)
        };
        Keys { used, posted: Vec::new(), next: [last('g') + 1, last('i') + 1] }
    }

    /// The key of a row: the one posted if the plan used it (and it is not
    /// posted twice), else a new one of `prefix` for a row without key;
    /// `None` for a key that cannot be.
    fn key(&mut self, posted: &str, prefix: char) -> Option<String> {
        let posted = posted.trim();
        let key = if posted.is_empty() {
            let slot = usize::from(prefix == 'i');
            let key = format!("{prefix}{}", self.next[slot]);
            self.next[slot] += 1;
            key
        } else if posted.starts_with(prefix)
            && self.used.iter().any(|k| k == posted)
            && !self.posted.iter().any(|k| k == posted)
        {
            posted.to_owned()
        } else {
            return None;
        };
        self.posted.push(key.clone());
        Some(key)
    }
}

fn goals(e: &mut Invalid, rows: &[GoalFields<'_>], keys: &mut Keys<'_>) -> Vec<Goal> {
    let mut out = Vec::new();
    if rows.len() > MAX_ROWS {
        e.push("goals", Problem::TooMany { max: MAX_ROWS });
        return out;
    }
    for (i, row) in rows.iter().enumerate() {
        let blank = row.description.trim().is_empty() && row.target_date.trim().is_empty();
        if row.remove || (row.key.trim().is_empty() && blank) {
            continue;
        }
        let Some(key) = keys.key(row.key, 'g') else {
            e.push(GOAL_DESCRIPTION[i], Problem::InvalidFormat);
            continue;
        };
        let description = text(e, GOAL_DESCRIPTION[i], row.description, 1, DESCRIPTION_MAX_CHARS);
        let status = choice(e, GOAL_STATUS[i], row.status, GoalStatus::from_code);
        let target_date = crate::person::optional_date(e, GOAL_TARGET_DATE[i], row.target_date);
        out.push(Goal { key, description, status: status.unwrap_or(GoalStatus::Open), target_date });
    }
    if out.is_empty() && !e.0.iter().any(|f| f.field.starts_with("goal_")) {
        e.push("goals", Problem::Required);
    }
    out
}

fn interventions(e: &mut Invalid, rows: &[InterventionFields<'_>], keys: &mut Keys<'_>) -> Vec<Intervention> {
    let mut out = Vec::new();
    if rows.len() > MAX_ROWS {
        e.push("interventions", Problem::TooMany { max: MAX_ROWS });
        return out;
    }
    for (i, row) in rows.iter().enumerate() {
        let blank = [row.description, row.responsible, row.starts_on].iter().all(|f| f.trim().is_empty());
        if row.remove || (row.key.trim().is_empty() && blank) {
            continue;
        }
        let Some(key) = keys.key(row.key, 'i') else {
            e.push(INTERVENTION_DESCRIPTION[i], Problem::InvalidFormat);
            continue;
        };
        let kind = choice(e, INTERVENTION_KIND[i], row.kind, InterventionKind::from_code);
        let description = text(e, INTERVENTION_DESCRIPTION[i], row.description, 1, DESCRIPTION_MAX_CHARS);
        let responsible = text(e, INTERVENTION_RESPONSIBLE[i], row.responsible, 1, RESPONSIBLE_MAX_CHARS);
        let starts_on = crate::person::required_date(e, INTERVENTION_STARTS_ON[i], row.starts_on);
        let status = choice(e, INTERVENTION_STATUS[i], row.status, InterventionStatus::from_code);
        if let (Some(kind), Some(starts_on), Some(status)) = (kind, starts_on, status) {
            out.push(Intervention { key, kind, description, responsible, starts_on, status });
        }
    }
    out
}

/// What a difference is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// The plan itself (its dates).
    Plan,
    /// A goal, by its description (in the later version when changed).
    Goal(String),
    /// An intervention, by its description.
    Intervention(String),
}

impl Item {
    /// The Fluent message id of the item's kind.
    pub fn kind_message_id(&self) -> &'static str {
        match self {
            Item::Plan => "plan-item-plan",
            Item::Goal(_) => "plan-item-goal",
            Item::Intervention(_) => "plan-item-intervention",
        }
    }
}

/// A value before or after a change, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Text as typed.
    Text(String),
    /// A date.
    Date(Date),
    /// A coded value: its Fluent message id.
    Coded(&'static str),
    /// Nothing.
    Empty,
}

/// One difference between two versions of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// An item was added.
    Added(Item),
    /// An item was removed.
    Removed(Item),
    /// An attribute of an item changed.
    Changed {
        /// The item.
        item: Item,
        /// The Fluent message id of the attribute's label.
        attribute: &'static str,
        /// Before.
        before: Value,
        /// After.
        after: Value,
    },
}

/// What changed from `before` to `after`: the plan's dates, then goals,
/// then interventions, each in the later version's order (removed items
/// after those kept).
pub fn differences(before: &Plan, after: &Plan) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut changed = |item: &Item, attribute: &'static str, old: Value, new: Value| {
        if old != new {
            out.push(Difference::Changed { item: item.clone(), attribute, before: old, after: new });
        }
    };
    changed(&Item::Plan, "plan-date", Value::Date(before.plan_date), Value::Date(after.plan_date));
    changed(&Item::Plan, "plan-review-date", Value::Date(before.review_date), Value::Date(after.review_date));
    let optional = |date: Option<Date>| date.map_or(Value::Empty, Value::Date);
    for goal in &after.goals {
        let item = Item::Goal(goal.description.clone());
        let Some(old) = before.goals.iter().find(|g| g.key == goal.key) else {
            out.push(Difference::Added(item));
            continue;
        };
        let mut changed = |attribute, old: Value, new: Value| {
            if old != new {
                out.push(Difference::Changed { item: item.clone(), attribute, before: old, after: new });
            }
        };
        changed("plan-goal-description", Value::Text(old.description.clone()), Value::Text(goal.description.clone()));
        changed("plan-goal-status", Value::Coded(old.status.message_id()), Value::Coded(goal.status.message_id()));
        changed("plan-goal-target-date", optional(old.target_date), optional(goal.target_date));
    }
    for old in before.goals.iter().filter(|g| !after.goals.iter().any(|n| n.key == g.key)) {
        out.push(Difference::Removed(Item::Goal(old.description.clone())));
    }
    for new in &after.interventions {
        let item = Item::Intervention(new.description.clone());
        let Some(old) = before.interventions.iter().find(|i| i.key == new.key) else {
            out.push(Difference::Added(item));
            continue;
        };
        let mut changed = |attribute, old: Value, new: Value| {
            if old != new {
                out.push(Difference::Changed { item: item.clone(), attribute, before: old, after: new });
            }
        };
        changed("plan-intervention-kind", Value::Coded(old.kind.message_id()), Value::Coded(new.kind.message_id()));
        changed(
            "plan-intervention-description",
            Value::Text(old.description.clone()),
            Value::Text(new.description.clone()),
        );
        changed(
            "plan-intervention-responsible",
            Value::Text(old.responsible.clone()),
            Value::Text(new.responsible.clone()),
        );
        changed("plan-intervention-starts-on", Value::Date(old.starts_on), Value::Date(new.starts_on));
        changed(
            "plan-intervention-status",
            Value::Coded(old.status.message_id()),
            Value::Coded(new.status.message_id()),
        );
    }
    for old in before.interventions.iter().filter(|i| !after.interventions.iter().any(|n| n.key == i.key)) {
        out.push(Difference::Removed(Item::Intervention(old.description.clone())));
    }
    out
}

/// Every message id of the plan's coded values, item kinds and the
/// attributes a difference names.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = GoalStatus::message_ids();
    ids.extend(InterventionKind::message_ids());
    ids.extend(InterventionStatus::message_ids());
    ids.extend(PlanChange::message_ids());
    ids.extend([Item::Plan, Item::Goal(String::new()), Item::Intervention(String::new())].map(|i| i.kind_message_id()));
    ids.extend([
        "plan-date",
        "plan-review-date",
        "plan-goal-description",
        "plan-goal-status",
        "plan-goal-target-date",
        "plan-intervention-kind",
        "plan-intervention-description",
        "plan-intervention-responsible",
        "plan-intervention-starts-on",
        "plan-intervention-status",
    ]);
    ids
}

#[cfg(test)]
mod tests;
