package io.capexwatch.verdict.repository;

import io.capexwatch.verdict.rules.RuleSet;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One version of the rule thresholds; the highest is in force. */
@Entity
@Table(name = "rule_set")
public class RuleSetEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RuleSet body;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
