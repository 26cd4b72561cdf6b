#pragma once

#include "CredentialStore.h"

#include <QHash>

// Secrets held in this process only: for tests, and for session-only accounts when no
// keychain can be used. Nothing is written anywhere; everything is gone at exit.
class MemoryCredentialStore final : public CredentialStore
{
    Q_OBJECT
public:
    explicit MemoryCredentialStore(QObject* parent = nullptr);
    ~MemoryCredentialStore() override;

    bool isPersistent() const override { return false; }
    Job* read(const QString& key) override;
    Job* write(const QString& key, const QString& secret) override;
    Job* remove(const QString& key) override;

    bool contains(const QString& key) const { return m_secrets.contains(key); }
    QStringList keys() const { return m_secrets.keys(); }

private:
    Job* finishLater(const QVariant& result, const Error& error = {});

    QHash<QString, QString> m_secrets;
};
