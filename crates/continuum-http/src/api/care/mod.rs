//! The care of a person through the API (issue 5, items 1 to 3): intakes,
//! care plans, contacts and group sessions, and the timeline. Everything
//! here is clinical: care workers and the medical service of the person's
//! prison only; another prison's record is 404, as an unknown id.

use crate::routes::Routes;

pub mod contacts;
pub mod intakes;
// The care plan, release planning, follow-ups and the caseload (issue 5, item 9).
pub mod caseload;
pub mod plans;
pub mod release;

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = intakes::routes(routes);
    let routes = plans::routes(routes);
    let routes = release::routes(routes);
    let routes = caseload::routes(routes);
    contacts::routes(routes)
}
