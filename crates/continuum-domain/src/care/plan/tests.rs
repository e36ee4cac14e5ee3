use jiff::civil::Date;

use super::*;

const TODAY: Date = Date::constant(2026, 11, 20);

fn context(used: &[String]) -> PlanContext<'_> {
    PlanContext { today: TODAY, entry_date: Some(Date::constant(2026, 11, 2)), used_keys: used }
}

fn goal<'a>(key: &'a str, description: &'a str, status: &'a str) -> GoalFields<'a> {
    GoalFields { key, description, status, ..GoalFields::default() }
}

fn intervention<'a>(key: &'a str, description: &'a str, status: &'a str) -> InterventionFields<'a> {
    InterventionFields {
        key,
        kind: "individual_counselling",
        description,
        responsible: "A. Peeters, care worker",
        starts_on: "2026-11-23",
        status,
        remove: false,
    }
}

fn first_plan() -> PlanFields<'static> {
    PlanFields {
        plan_date: "2026-11-20",
        review_date: "2027-01-15",
        goals: vec![goal("", "No heroin use in prison", "open"), goal("", "", ""), goal("", "Find housing", "open")],
        interventions: vec![intervention("", "Weekly counselling", "planned"), InterventionFields::default()],
        ..PlanFields::default()
    }
}

fn used(draft: &PlanDraft) -> Vec<String> {
    draft
        .plan
        .goals
        .iter()
        .map(|g| g.key.clone())
        .chain(draft.plan.interventions.iter().map(|i| i.key.clone()))
        .collect()
}

#[test]
fn a_first_plan_numbers_its_rows_and_ignores_the_blank_ones() {
    let draft = PlanDraft::parse(&first_plan(), context(&[])).expect("valid");
    assert_eq!(draft.change, PlanChange::Created);
    let keys: Vec<&str> = draft.plan.goals.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(keys, vec!["g1", "g2"]);
    assert_eq!(draft.plan.interventions[0].key, "i1");
    assert_eq!(draft.plan.interventions.len(), 1);
    assert_eq!(draft.plan.review_date, Date::constant(2027, 1, 15));
}

#[test]
fn a_review_date_before_the_plan_is_refused() {
    let mut fields = first_plan();
    fields.review_date = "2026-11-19";
    let invalid = PlanDraft::parse(&fields, context(&[])).expect_err("refused");
    assert_eq!(invalid.for_field("review_date"), Some(&Problem::ReviewBeforePlan));
    fields.review_date = "2026-11-20";
    assert!(PlanDraft::parse(&fields, context(&[])).is_ok(), "the same day is not before");
}

#[test]
fn the_plan_date_lies_within_the_detention() {
    let mut fields = first_plan();
    fields.plan_date = "2026-11-21";
    let invalid = PlanDraft::parse(&fields, context(&[])).expect_err("refused");
    assert_eq!(invalid.for_field("plan_date"), Some(&Problem::ImpossibleDate));
}

#[test]
fn a_plan_needs_a_goal() {
    let mut fields = first_plan();
    fields.goals = vec![goal("", "", "")];
    let invalid = PlanDraft::parse(&fields, context(&[])).expect_err("refused");
    assert_eq!(invalid.for_field("goals"), Some(&Problem::Required));
}

#[test]
fn errors_of_a_row_name_the_row() {
    let mut fields = first_plan();
    fields.goals[2].status = "";
    fields.interventions[0].starts_on = "someday";
    fields.interventions[0].kind = "magic";
    let invalid = PlanDraft::parse(&fields, context(&[])).expect_err("refused");
    assert_eq!(invalid.for_field("goal_status_2"), Some(&Problem::Required));
    assert_eq!(invalid.for_field("intervention_starts_on_0"), Some(&Problem::InvalidFormat));
    assert_eq!(invalid.for_field("intervention_kind_0"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_revision_keeps_keys_and_never_gives_a_key_twice() {
    let first = PlanDraft::parse(&first_plan(), context(&[])).expect("valid");
    let mut ever = used(&first);
    let revision = PlanFields {
        plan_date: "2026-11-20",
        review_date: "2027-01-15",
        goals: vec![goal("g2", "Find housing", "achieved"), GoalFields { remove: true, ..goal("g1", "x", "open") }],
        interventions: vec![intervention("i1", "Weekly counselling", "in_progress")],
        ..PlanFields::default()
    };
    let second = PlanDraft::parse(&revision, context(&ever)).expect("valid");
    assert_eq!(second.change, PlanChange::Revised);
    assert_eq!(second.plan.goals.len(), 1, "g1 removed");
    ever.extend(used(&second));
    let third = PlanFields {
        goals: vec![goal("g2", "Find housing", "achieved"), goal("", "Stay in touch", "open")],
        ..revision
    };
    let third = PlanDraft::parse(&third, context(&ever)).expect("valid");
    assert_eq!(third.plan.goals[1].key, "g3", "g1 is not given again");
}

#[test]
fn a_key_the_plan_never_used_or_posted_twice_is_refused() {
    let used = vec!["g1".to_owned(), "i1".to_owned()];
    let mut fields = first_plan();
    fields.goals = vec![goal("g7", "Forged", "open"), goal("g1", "A", "open"), goal("g1", "B", "open")];
    fields.interventions = vec![intervention("g1", "Wrong kind of key", "planned")];
    let invalid = PlanDraft::parse(&fields, context(&used)).expect_err("refused");
    assert_eq!(invalid.for_field("goal_description_0"), Some(&Problem::InvalidFormat));
    assert_eq!(invalid.for_field("goal_description_1"), None);
    assert_eq!(invalid.for_field("goal_description_2"), Some(&Problem::InvalidFormat));
    assert_eq!(invalid.for_field("intervention_description_0"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_version_saved_as_reviewed_is_a_review() {
    let used = vec!["g1".to_owned()];
    let fields = PlanFields { reviewed: true, goals: vec![goal("g1", "A", "open")], ..first_plan() };
    assert_eq!(PlanDraft::parse(&fields, context(&used)).expect("valid").change, PlanChange::Reviewed);
}

#[test]
fn too_many_rows_are_refused() {
    let mut fields = first_plan();
    fields.goals = (0..=MAX_ROWS).map(|_| goal("", "A goal", "open")).collect();
    let invalid = PlanDraft::parse(&fields, context(&[])).expect_err("refused");
    assert_eq!(invalid.for_field("goals"), Some(&Problem::TooMany { max: MAX_ROWS }));
}

#[test]
fn differences_name_what_was_added_removed_and_changed() {
    let first = PlanDraft::parse(&first_plan(), context(&[])).expect("valid").plan;
    let mut second = first.clone();
    second.review_date = Date::constant(2027, 2, 1);
    second.goals.remove(0);
    second.goals[0].status = GoalStatus::Achieved;
    second.interventions.push(Intervention {
        key: "i2".into(),
        kind: InterventionKind::HarmReduction,
        description: "Naloxone training".into(),
        responsible: "Nurse".into(),
        starts_on: Date::constant(2026, 12, 1),
        status: InterventionStatus::Planned,
    });
    let found = differences(&first, &second);
    assert_eq!(
        found,
        vec![
            Difference::Changed {
                item: Item::Plan,
                attribute: "plan-review-date",
                before: Value::Date(Date::constant(2027, 1, 15)),
                after: Value::Date(Date::constant(2027, 2, 1)),
            },
            Difference::Changed {
                item: Item::Goal("Find housing".into()),
                attribute: "plan-goal-status",
                before: Value::Coded("plan-goal-status-open"),
                after: Value::Coded("plan-goal-status-achieved"),
            },
            Difference::Removed(Item::Goal("No heroin use in prison".into())),
            Difference::Added(Item::Intervention("Naloxone training".into())),
        ]
    );
    assert!(differences(&second, &second).is_empty());
}
