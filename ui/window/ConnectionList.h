#pragma once

#include "sandbox/Backend.h"

#include <QListWidget>

// The connections on the left: "All connections", then every backend with a coloured dot,
// its state (and why it was lost) and the engine's version.
class ConnectionList final : public QListWidget
{
    Q_OBJECT
public:
    explicit ConnectionList(QWidget* parent = nullptr);

    void addBackend(Backend* backend);
    void removeBackend(Backend* backend);
    // Empty when "All connections" (or nothing) is selected.
    QString currentBackendId() const;
    // The backend of the row at pos (viewport coordinates); empty for none or "All".
    QString backendIdAt(const QPoint& pos) const;

    static QColor stateColor(Backend::State state);

Q_SIGNALS:
    void currentBackendChanged(const QString& backendId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateItem(Backend* backend);
    QListWidgetItem* itemFor(const Backend* backend) const;

    QList<Backend*> m_backends;
    QListWidgetItem* m_allItem = nullptr;
};
