//! The directory of care providers end to end (issue 6, item 2): services
//! of organisations, maintained by coordinators and administrators, found
//! by everyone by name, kind, prison covered and language, read through
//! the pages, the API and FHIR (valid R4).

use continuum_app::directory::DirectoryFilter;
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::directory::{ServiceDraft, ServiceFields, ServiceKind};
use continuum_domain::reference::OrganisationDraft;
use continuum_domain::site::Language;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{actor, demo_app};

async fn organisation(app: &App, by: &Actor, name: &str) -> i64 {
    let draft = OrganisationDraft::parse(name, "care_provider", &["fr".into()], "", true).expect("valid");
    app.create_organisation(by, draft).await.expect("created")
}

pub(crate) fn service(organisation: i64, name: &str, kind: &str, sites: &[&str], language: &str) -> ServiceDraft {
    let sites: Vec<String> = sites.iter().map(|s| (*s).to_owned()).collect();
    let languages = vec![language.to_owned()];
    ServiceDraft::parse(&ServiceFields {
        organisation: Some(organisation),
        name,
        kind,
        languages: &languages,
        sites: &sites,
        phone: "04 123 45 67",
        hours: ["09:00-12:00, 13:00-17:00", "", "", "", "", "", ""],
        active: true,
        ..ServiceFields::default()
    })
    .expect("a valid service")
}

fn names(listing: &continuum_app::Listing<continuum_app::directory::CareService>) -> Vec<&str> {
    listing.items.iter().map(|s| s.name.as_str()).collect()
}

async fn a_coordinator_adds_services_and_everyone_finds_them_by_name_kind_prison_and_language(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.fr").await;
    let liège = organisation(&test.app, &coordinator, "Réseau Alpha").await;
    let service = |name, kind, sites: &[&str], language| service(liège, name, kind, sites, language);
    for draft in [
        service("Méthadone Testville", "oat_prescriber", &["LAN"], "fr"),
        service("Logement d'abord Testville", "housing", &["LAN", "AND"], "fr"),
        service("CAW Testdorp", "social_welfare", &["HAS"], "nl"),
    ] {
        test.app.create_care_service(&coordinator, &draft).await.expect("added");
    }
    let officer = actor(&test.app, "prison_staff.has").await;
    let find = |filter: DirectoryFilter| {
        let app = test.app.clone();
        let officer = officer.clone();
        async move { app.search_directory(&officer, &filter, Paging::default()).await.expect("search") }
    };
    let by_name = find(DirectoryFilter { search: Some("testville".into()), ..DirectoryFilter::default() }).await;
    assert_eq!(names(&by_name), ["Logement d'abord Testville", "Méthadone Testville"]);
    let by_organisation =
        find(DirectoryFilter { search: Some("réseau alpha".into()), ..DirectoryFilter::default() }).await;
    assert_eq!(by_organisation.total, 3, "the organisation's name is searched too");
    let by_kind = find(DirectoryFilter { kind: Some(ServiceKind::OatPrescriber), ..DirectoryFilter::default() }).await;
    assert!(names(&by_kind).contains(&"Méthadone Testville"));
    assert!(!names(&by_kind).contains(&"Logement d'abord Testville"));
    let andenne = officer.sites.iter().find(|s| s.code == "AND").map(|s| s.id);
    let andenne = match andenne {
        Some(id) => id,
        None => test.app.site_ids().await.expect("sites").into_iter().find(|(c, _)| c == "AND").expect("AND").1,
    };
    let by_site = find(DirectoryFilter { site: Some(andenne), ..DirectoryFilter::default() }).await;
    assert!(names(&by_site).contains(&"Logement d'abord Testville"));
    assert!(!names(&by_site).contains(&"Méthadone Testville"));
    let dutch = find(DirectoryFilter {
        language: Some(Language::Nl),
        search: Some("testdorp".into()),
        ..DirectoryFilter::default()
    })
    .await;
    assert_eq!(names(&dutch), ["CAW Testdorp"]);
    let paged = test.app.search_directory(&officer, &DirectoryFilter::default(), Paging { page: 1, per_page: 2 }).await;
    let paged = paged.expect("a page");
    assert_eq!(paged.items.len(), 2);
    assert!(paged.total >= 3);
}
on_both_backends!(a_coordinator_adds_services_and_everyone_finds_them_by_name_kind_prison_and_language);

async fn only_coordinators_and_administrators_maintain_the_directory(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let organisation = organisation(&test.app, &admin, "Maintained Test").await;
    let draft = service(organisation, "Kept", "mental_health", &["GEN"], "nl");
    for username in ["care_worker.gen", "medical.gen", "psychosocial.gen", "director.gen", "researcher"] {
        let user = actor(&test.app, username).await;
        assert!(matches!(test.app.create_care_service(&user, &draft).await, Err(AppError::Forbidden)), "{username}");
    }
    let id = test.app.create_care_service(&admin, &draft).await.expect("added");
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let changed = service(organisation, "Kept and renamed", "mental_health", &["GEN", "DEN"], "nl");
    test.app.update_care_service(&coordinator, id, 1, &changed).await.expect("changed");
    assert!(matches!(test.app.update_care_service(&coordinator, id, 1, &changed).await, Err(AppError::Conflict(_))));
    let (now, history) = test.app.get_care_service(&coordinator, id).await.expect("read");
    assert_eq!(now.sites, ["DEN", "GEN"]);
    assert_eq!(history.iter().map(|v| (v.version, v.sites.as_str())).collect::<Vec<_>>(), [(2, "DEN,GEN"), (1, "GEN")]);
    let duplicate = test.app.create_care_service(&admin, &changed).await;
    let Err(AppError::Invalid(invalid)) = duplicate else { panic!("refused") };
    assert_eq!(invalid.for_field("name"), Some(&Problem::Duplicate));
}
on_both_backends!(only_coordinators_and_administrators_maintain_the_directory);

async fn bad_services_through_the_api_name_each_field_and_write_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = server.client_for("admin").await.expect("signs in");
    let before: Value =
        admin.get(server.url("/api/v1/directory/services")).send().await.expect("r").json().await.expect("JSON");
    let response = admin
        .post(server.url("/api/v1/directory/services"))
        .json(&json!({
            "name": "X", "kind": "hospital", "languages": ["nl"], "sites": ["XYZ"],
            "email": "nobody", "opening_hours": {"mon": "17:00-09:00"}
        }))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = response.json().await.expect("JSON");
    let fields: Vec<&str> =
        problem["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
    for field in ["organisation_id", "name", "kind", "email", "opening_hours.mon"] {
        assert!(fields.contains(&field), "{field} is named: {problem}");
    }
    let unknown = admin
        .post(server.url("/api/v1/directory/services"))
        .json(&json!({
            "organisation_id": 999_999, "name": "Nowhere", "kind": "housing", "languages": ["nl"],
            "sites": ["HAS"], "phone": "011 11 11 11"
        }))
        .send()
        .await
        .expect("request");
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = unknown.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "organisation_id", "{problem}");
    let after: Value =
        admin.get(server.url("/api/v1/directory/services")).send().await.expect("r").json().await.expect("JSON");
    assert_eq!(before["total"], after["total"], "nothing was written");
    server.stop().await;
}
on_both_backends!(bad_services_through_the_api_name_each_field_and_write_nothing);

async fn the_service_form_names_a_bad_day_and_shows_what_was_typed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let coordinator = server.client_for("coordinator.fr").await.expect("signs in");
    let csrf = server.csrf_token(&coordinator).await.expect("a token");
    let organisations: Value =
        coordinator.get(server.url("/api/v1/organisations")).send().await.expect("r").json().await.expect("JSON");
    let organisation = organisations["items"][0]["id"].as_i64().expect("an organisation").to_string();
    let response = coordinator
        .post(server.url("/directory/services/new"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("organisation", organisation.as_str()),
            ("name", "Permanence sociale"),
            ("kind", "social_welfare"),
            ("languages", "fr"),
            ("sites", "JAM"),
            ("phone", "071 00 00 00"),
            ("hours_wed", "midi"),
            ("active", "on"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.expect("body");
    assert!(page.contains("Mercredi"), "the day is named in the summary");
    assert!(page.contains("value=\"midi\""), "what was typed is shown again");
    assert!(page.contains("value=\"Permanence sociale\""));
    let (status, page) = {
        let response = coordinator.get(server.url("/directory?q=permanence")).send().await.expect("request");
        (response.status(), response.text().await.expect("body"))
    };
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Permanence sociale"), "nothing was written");
    server.stop().await;
}
on_both_backends!(the_service_form_names_a_bad_day_and_shows_what_was_typed);

async fn the_directory_reads_through_fhir_as_valid_organizations_and_healthcare_services(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = actor(&server.app, "admin").await;
    let organisation = organisation(&server.app, &admin, "FHIR Test Provider").await;
    let mut draft = service(organisation, "Centre de jour", "drug_service", &["LAN", "JAM"], "fr");
    draft.email = "accueil@example.be".into();
    draft.website = "https://example.be".into();
    draft.address = "Rue de la Gare 1, 4000 Liège".into();
    draft.hours_note = "Sur rendez-vous le samedi".into();
    let id = server.app.create_care_service(&admin, &draft).await.expect("added");
    let client = server.client_for("psychosocial.lan").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    let mut read = Vec::new();
    for path in [format!("/fhir/r4/Organization/{organisation}"), format!("/fhir/r4/HealthcareService/{id}")] {
        let response = client.get(server.url(&path)).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let body: Value = response.json().await.expect("JSON");
        let file = dir.path().join(format!("{}.json", files.len()));
        std::fs::write(&file, body.to_string()).expect("written");
        files.push(file);
        read.push(body);
    }
    let (valid, said) = crate::fhir::schema_check(&files);
    assert!(valid, "{said}");
    assert_eq!(read[0]["resourceType"], "Organization");
    assert_eq!(read[0]["type"][0]["coding"][0]["code"], "prov");
    let service = &read[1];
    assert_eq!(service["providedBy"]["reference"], format!("Organization/{organisation}"));
    assert_eq!(service["category"][0]["coding"][0]["code"], "drug_service");
    assert_eq!(service["availableTime"][1]["availableStartTime"], "13:00:00");
    assert_eq!(service["communication"][0]["coding"][0]["code"], "fr");
    let systems: Vec<&str> =
        service["telecom"].as_array().expect("telecom").iter().filter_map(|t| t["system"].as_str()).collect();
    assert_eq!(systems, ["phone", "email", "url"]);
    let unknown = client.get(server.url("/fhir/r4/HealthcareService/999999")).send().await.expect("request");
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(the_directory_reads_through_fhir_as_valid_organizations_and_healthcare_services);

async fn a_service_page_shows_its_contact_and_hours_and_the_edit_form_changes_it(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = actor(&server.app, "admin").await;
    let organisation = organisation(&server.app, &admin, "Page Test Provider").await;
    let id = server
        .app
        .create_care_service(&admin, &service(organisation, "Dienst Paginatest", "housing", &["GEN"], "nl"))
        .await
        .expect("added");
    let officer = server.client_for("prison_staff.gen").await.expect("signs in");
    let page = officer.get(server.url(&format!("/directory/services/{id}"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.expect("body");
    for shown in ["Dienst Paginatest", "04 123 45 67", "09:00-12:00, 13:00-17:00", "Gesloten", "Page Test Provider"] {
        assert!(page.contains(shown), "{shown} is shown");
    }
    assert!(!page.contains(&format!("/directory/services/{id}/edit")), "no edit link for an officer");
    let coordinator = server.client_for("coordinator.nl").await.expect("signs in");
    let form = coordinator.get(server.url(&format!("/directory/services/{id}/edit"))).send().await.expect("r");
    assert_eq!(form.status(), StatusCode::OK);
    assert!(form.text().await.expect("body").contains("value=\"09:00-12:00, 13:00-17:00\""), "the hours as typed");
    let csrf = server.csrf_token(&coordinator).await.expect("a token");
    let organisation = organisation.to_string();
    let changed = coordinator
        .post(server.url(&format!("/directory/services/{id}/edit")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("version", "1"),
            ("organisation", organisation.as_str()),
            ("name", "Dienst Paginatest"),
            ("kind", "housing"),
            ("languages", "nl"),
            ("sites", "GEN"),
            ("sites", "DEN"),
            ("email", "wonen@example.be"),
            ("hours_tue", "10-12"),
            ("active", "on"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let (now, history) = server.app.get_care_service(&admin, id).await.expect("read");
    assert_eq!(
        (now.sites.join(","), now.email.as_str(), now.phone.as_str()),
        ("DEN,GEN".into(), "wonen@example.be", "")
    );
    assert_eq!(history.len(), 2);
    let organisation_page =
        officer.get(server.url(&format!("/organisations/{organisation}"))).send().await.expect("r").text().await;
    assert!(organisation_page.expect("body").contains("Dienst Paginatest"), "the organisation lists its services");
    server.stop().await;
}
on_both_backends!(a_service_page_shows_its_contact_and_hours_and_the_edit_form_changes_it);
