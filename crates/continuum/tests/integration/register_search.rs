//! How the register's lists read at scale: the name search walks the token
//! index in order, lists stop counting past a limit, and the worklist reads
//! its partial index (bench/README.md has the figures).

use std::fmt::Write as _;

use continuum_app::people::PeopleOrder;
use continuum_app::{Actor, App, Paging};
use continuum_domain::ids::SiteId;
use continuum_store::pathways::AWAITING_SCREENING_SQL;
use continuum_store::people::COUNT_LIMIT;
use continuum_store::{PoolSettings, Store};
use continuum_testkit::database::{Backend, TestDatabase};

use crate::on_both_backends;
use crate::support::{actor, demo_app};

const HEADER: &str = "family_name,given_names,birth_date,prison_number,entry_date,legal_status,languages\n";

async fn import(app: &App, worker: &Actor, rows: &str) {
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).unwrap_or(SiteId(0));
    let list = format!("{HEADER}{rows}");
    let report = app.import_entry_list(worker, has, list.as_bytes(), |_, _| {}).await.expect("imports");
    assert!(report.refused.is_empty(), "refused lines: {:?}", report.refused);
}

async fn names_found(app: &App, worker: &Actor, text: &str) -> Vec<String> {
    let listing = app.search_people(worker, text, PeopleOrder::Name, Paging::default()).await.expect("the search runs");
    listing.items.iter().map(|p| format!("{} {}", p.family_name, p.given_names)).collect()
}

async fn a_name_search_lists_whole_name_matches_first_then_longer_names_each_person_once(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    import(
        &test.app,
        &worker,
        "Quaghebeurs,Anna,01/01/1980,Q-1,01/11/2026,remand,nl\n\
         Quaghebeur,Zeno,01/01/1981,Q-2,01/11/2026,remand,nl\n\
         Quaghebeur,Quaghebeurke,01/01/1982,Q-3,01/11/2026,remand,nl\n\
         Quaghebeur,Bart,01/01/1983,Q-4,01/11/2026,remand,nl\n",
    )
    .await;
    assert_eq!(
        names_found(&test.app, &worker, "quaghebeur").await,
        ["Quaghebeur Bart", "Quaghebeur Quaghebeurke", "Quaghebeur Zeno", "Quaghebeurs Anna"]
    );
    assert_eq!(names_found(&test.app, &worker, "zeno quagh").await, ["Quaghebeur Zeno"]);
    assert_eq!(
        names_found(&test.app, &worker, "quagh q").await,
        ["Quaghebeur Bart", "Quaghebeur Quaghebeurke", "Quaghebeur Zeno", "Quaghebeurs Anna"],
        "several words: each person once, under their first token with the longest word's prefix"
    );
}
on_both_backends!(a_name_search_lists_whole_name_matches_first_then_longer_names_each_person_once);

async fn accented_names_are_listed_with_their_plain_letters(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    import(
        &test.app,
        &worker,
        "Zola,Quintijn,29/02/1964,Q-1,01/11/2026,remand,nl\n\
         Ébrard,Quintijn,29/02/1964,Q-2,01/11/2026,remand,fr\n\
         Eberhart,Quintijn,29/02/1964,Q-3,01/11/2026,remand,nl\n",
    )
    .await;
    let expected = ["Eberhart Quintijn", "Ébrard Quintijn", "Zola Quintijn"];
    assert_eq!(names_found(&test.app, &worker, "quintijn").await, expected, "by name");
    let born = names_found(&test.app, &worker, "29/02/1964").await;
    let born: Vec<&String> = born.iter().filter(|n| n.ends_with("Quintijn")).collect();
    assert_eq!(born, expected.iter().collect::<Vec<_>>(), "by date of birth");
}
on_both_backends!(accented_names_are_listed_with_their_plain_letters);

async fn lists_stop_counting_past_the_limit_and_say_there_are_more(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let mut rows = String::new();
    for n in 0..=COUNT_LIMIT {
        let _ = writeln!(rows, "Quist{n:04},Quintessa,01/01/1980,QC-{n},01/11/2026,remand,nl");
    }
    import(&test.app, &worker, &rows).await;
    let search =
        test.app.search_people(&worker, "quintessa", PeopleOrder::Name, Paging::default()).await.expect("searches");
    assert_eq!((search.total, search.more, search.items.len()), (COUNT_LIMIT, true, 50));
    let narrower = test.app.search_people(&worker, "quintessa quist000", PeopleOrder::Name, Paging::default()).await;
    let narrower = narrower.expect("searches");
    assert_eq!((narrower.total, narrower.more), (10, false));
    let both = test.app.search_people(&worker, "quist quintessa", PeopleOrder::Name, Paging::default()).await;
    let both = both.expect("searches");
    assert_eq!((both.total, both.more, both.items.len()), (COUNT_LIMIT, true, 50), "several words count alike");
    let second = Paging { page: 2, ..Paging::default() };
    let second = test.app.search_people(&worker, "quist quintessa", PeopleOrder::Name, second).await;
    let second: Vec<String> = second.expect("searches").items.iter().map(|p| p.family_name.clone()).collect();
    assert_eq!((second.len(), second[0].as_str(), second[49].as_str()), (50, "Quist0050", "Quist0099"));
    let worklist = test.app.worklist(&worker, Paging::default(), false).await.expect("the worklist").awaiting;
    assert_eq!((worklist.total, worklist.more), (COUNT_LIMIT, true));
}
on_both_backends!(lists_stop_counting_past_the_limit_and_say_there_are_more);

async fn a_search_of_several_words_counts_each_person_once_however_many_of_their_names_match(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let mut rows = String::new();
    for n in 0..=COUNT_LIMIT {
        let _ = writeln!(rows, "Quista-Quistb-Quistc{n:04},Anna,01/01/1980,QM-{n},01/11/2026,remand,nl");
    }
    import(&test.app, &worker, &rows).await;
    let search = test.app.search_people(&worker, "quist anna", PeopleOrder::Name, Paging::default()).await;
    let search = search.expect("searches");
    assert_eq!((search.total, search.more, search.items.len()), (COUNT_LIMIT, true, 50));
    let mut ids: Vec<i64> = search.items.iter().map(|p| p.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 50, "each person once");
    assert_eq!(search.items[49].family_name, "Quista-Quistb-Quistc0049");
}
on_both_backends!(a_search_of_several_words_counts_each_person_once_however_many_of_their_names_match);

/// The query plan's text on either database (also the caseload's tests).
pub(crate) async fn plan(store: &Store, query: &str) -> String {
    let mut conn = store.reader().await.expect("reader");
    match store.backend() {
        continuum_store::Backend::Sqlite => {
            let rows: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(&format!("EXPLAIN QUERY PLAN {query}")).fetch_all(&mut *conn).await.expect("plan");
            rows.into_iter().map(|r| r.3).collect::<Vec<_>>().join("\n")
        }
        continuum_store::Backend::Postgres => {
            // The tables are empty: forbid the scans an empty table invites,
            // to ask whether the index can serve the query at all.
            sqlx::query("SET enable_seqscan = off").execute(&mut *conn).await.expect("set");
            sqlx::query("SET enable_bitmapscan = off").execute(&mut *conn).await.expect("set");
            let rows: Vec<(String,)> =
                sqlx::query_as(&format!("EXPLAIN {query}")).fetch_all(&mut *conn).await.expect("plan");
            sqlx::query("RESET ALL").execute(&mut *conn).await.expect("reset");
            rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("\n")
        }
    }
}

async fn the_worklist_and_the_name_search_are_read_from_their_indexes(backend: Backend) {
    let db = TestDatabase::fresh(backend).await.expect("database");
    let store = Store::connect(&db.url, &PoolSettings::default()).await.expect("connect");
    store.migrate().await.expect("migrate");
    let worklist = plan(
        &store,
        &format!(
            "SELECT w.person_id FROM pathways w WHERE w.site_id = 1 AND {AWAITING_SCREENING_SQL} \
             ORDER BY w.waiting_since, w.person_id LIMIT 50"
        ),
    )
    .await;
    assert!(worklist.contains("pathways_awaiting_screening"), "{worklist}");
    let search = plan(
        &store,
        "SELECT k.person_id FROM person_name_tokens k WHERE k.site_id IN (1) AND k.token >= 'peeters' \
         AND k.token < 'peeters~' ORDER BY k.token, k.sort_name, k.person_id LIMIT 25",
    )
    .await;
    assert!(search.contains("person_name_tokens_pkey") || search.contains("PRIMARY KEY"), "{search}");
    assert!(!search.to_lowercase().contains("sort"), "no sort: {search}");
}
on_both_backends!(the_worklist_and_the_name_search_are_read_from_their_indexes);
