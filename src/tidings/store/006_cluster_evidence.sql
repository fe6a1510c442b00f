-- tidings store, migration 006_cluster_evidence: each cluster keeps its evidence (the sentence a
-- dyad series shows for it, with its report), written with the cluster, so that a series reads the
-- clusters table alone. The evidence is the most confident member's sentence, the earliest report's
-- on a tie, then the smallest event id (src/tidings/link/clusters.py, EVIDENCE_KEY). Existing
-- clusters are filled from their members here (the same statement as EVIDENCE_UPDATE there; a
-- migration keeps the text it was applied with).
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS evidence_sentence VARCHAR;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS evidence_doc_id VARCHAR;
ALTER TABLE clusters ADD COLUMN IF NOT EXISTS evidence_doc_ref VARCHAR;
UPDATE clusters c SET evidence_sentence = v.sentence, evidence_doc_id = v.doc_id, evidence_doc_ref = vd.ref
FROM (
    SELECT m.cluster_id,
           arg_min(m.event_id, (-e.confidence, epoch(coalesce(d.published, d.stored_at)), e.event_id)) AS event_id
    FROM cluster_members m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
    GROUP BY m.cluster_id
) p JOIN events v USING (event_id) JOIN documents vd ON vd.doc_id = v.doc_id
WHERE c.cluster_id = p.cluster_id;
