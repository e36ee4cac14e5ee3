//! Group commit of the audit rows of reads.
//!
//! A read of personal data changes nothing, yet must leave a durable audit
//! row before the data is shown. Committing one transaction per read would
//! make the disk's flush rate the limit of every page; instead, reads hand
//! their rows to this writer, which appends all rows waiting at that moment
//! in one transaction and answers each read once the commit is done.

use std::time::Instant;

use continuum_domain::audit::AuditEntry;
use continuum_store::Store;
use tokio::sync::{mpsc, oneshot};

use crate::error::{AppError, AppResult};

type Reply = oneshot::Sender<Result<(), String>>;

/// The most rows committed in one transaction.
const MAX_BATCH: usize = 512;

/// A handle to the writer task.
#[derive(Clone)]
pub struct AuditWriter {
    sender: mpsc::Sender<(Vec<AuditEntry>, Reply)>,
}

impl AuditWriter {
    /// Starts the writer task on the store.
    pub(crate) fn start(store: Store) -> AuditWriter {
        let (sender, receiver) = mpsc::channel(4096);
        tokio::spawn(run(store, receiver));
        AuditWriter { sender }
    }

    /// Appends rows and waits until they are committed.
    pub(crate) async fn write(&self, entries: Vec<AuditEntry>) -> AppResult<()> {
        let (reply, done) = oneshot::channel();
        let handed_over = Instant::now();
        self.sender
            .send((entries, reply))
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("audit writer stopped")))?;
        let outcome = done.await;
        metrics::histogram!("audit_read_wait_seconds").record(handed_over.elapsed().as_secs_f64());
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(AppError::Internal(anyhow::anyhow!("audit write failed: {message}"))),
            Err(_) => Err(AppError::Internal(anyhow::anyhow!("audit writer stopped"))),
        }
    }

    /// Waits until every row handed over so far is written.
    pub(crate) async fn shutdown(&self) {
        let _ = self.write(Vec::new()).await;
    }
}

async fn run(store: Store, mut receiver: mpsc::Receiver<(Vec<AuditEntry>, Reply)>) {
    while let Some(first) = receiver.recv().await {
        let mut batch = vec![first];
        let mut rows = batch[0].0.len();
        while rows < MAX_BATCH {
            match receiver.try_recv() {
                Ok(next) => {
                    rows += next.0.len();
                    batch.push(next);
                }
                Err(_) => break,
            }
        }
        let entries: Vec<AuditEntry> = batch.iter().flat_map(|(e, _)| e.iter().cloned()).collect();
        let started = Instant::now();
        let result = commit(&store, &entries).await;
        metrics::histogram!("audit_batch_commit_seconds").record(started.elapsed().as_secs_f64());
        metrics::histogram!("audit_batch_rows").record(entries.len() as f64);
        let result = result.map_err(|e| {
            tracing::error!(error = %e, rows = entries.len(), "audit batch failed");
            e.to_string()
        });
        for (_, reply) in batch {
            let _ = reply.send(result.clone());
        }
    }
}

async fn commit(store: &Store, entries: &[AuditEntry]) -> Result<(), continuum_store::StoreError> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut tx = store.begin().await?;
    let now = continuum_domain::audit::format_instant(jiff::Timestamp::now());
    continuum_store::audit::append(&mut tx, entries, &now).await?;
    tx.commit().await?;
    Ok(())
}
