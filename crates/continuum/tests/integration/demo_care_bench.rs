//! The care pathway at national scale in the demo, for bench/register
//! (issue 5, "Speed").

use continuum_app::Paging;
use continuum_app::caseload::{CaseloadRequest, WorkerChoice};
use continuum_testkit::database::Backend;

use crate::on_both_backends;
use crate::support::{actor, demo_app};

async fn the_bench_seeding_gives_each_care_worker_a_caseload_by_the_size_of_the_prison(backend: Backend) {
    let test = demo_app(backend).await;
    continuum_app::demo::seed_care_bench(&test.app).await.expect("seeded");
    for (site, expected) in [("ant", 40 + 1), ("gen", 20), ("leu", 10)] {
        let worker = actor(&test.app, &format!("care_worker.{site}")).await;
        let mine = CaseloadRequest { worker: WorkerChoice::Mine, ..Default::default() };
        let caseload = test.app.caseload(&worker, &mine).await.expect("the caseload");
        assert_eq!(caseload.pathways.total, expected, "{site} (at ANT, with the timeline's person)");
    }
}
on_both_backends!(the_bench_seeding_gives_each_care_worker_a_caseload_by_the_size_of_the_prison);

async fn the_bench_seeding_gives_one_person_a_timeline_of_exactly_200_entries(backend: Backend) {
    let test = demo_app(backend).await;
    continuum_app::demo::seed_care_bench(&test.app).await.expect("seeded");
    let worker = actor(&test.app, "care_worker.ant").await;
    let order = continuum_app::people::PeopleOrder::Name;
    let found = test.app.search_people(&worker, "Timeline", order, Paging::default()).await.expect("found");
    assert_eq!(found.items.len(), 1);
    let paging = Paging { page: 1, per_page: 50 };
    let timeline = test.app.person_timeline(&worker, found.items[0].id, false, paging).await.expect("readable");
    assert_eq!(timeline.entries.total, continuum_app::demo::BENCH_TIMELINE_ENTRIES);
    assert_eq!(timeline.entries.items.len(), 50);
}
on_both_backends!(the_bench_seeding_gives_one_person_a_timeline_of_exactly_200_entries);
