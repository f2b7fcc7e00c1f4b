package cn.keyida.portal.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Shared identity (from the table's identity column), timestamps (UTC) and optimistic locking. */
@MappedSuperclass
public abstract class BaseEntity extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
