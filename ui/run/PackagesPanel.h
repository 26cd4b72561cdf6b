#pragma once

#include "run/PackageManagers.h"
#include "sandbox/ExecSession.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class Backend;
class Job;
class PackageTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class Run;

// The packages of one sandbox: the managers it has (core's PackageManagers, looked up the
// first time the panel is shown), what the chosen one has installed, filtered as the user
// types, and installs and removals whose output streams in, stderr in its own colour, then
// the exit code; the list is read again after each. A removal is asked about first.
class PackagesPanel final : public QWidget
{
    Q_OBJECT
public:
    // container: which container of a group; empty: the first. sandboxName: what the user
    // calls the sandbox, for the question before a removal.
    PackagesPanel(Backend* backend, const QString& sandboxId, const QString& container,
                  const QString& sandboxName, QWidget* parent = nullptr);
    ~PackagesPanel() override;

    bool isBusy() const;
    const QList<PackageManagers::Found>& managers() const { return m_found; }
    PackageTableModel* model() const { return m_model; }

public Q_SLOTS:
    // Looks the managers up, unless that was done already.
    void activate();
    // Looks the managers up again, then lists the chosen one's packages.
    void refresh();
    void install();
    // Asks (a window-modal question, "packagesRemoveConfirmation") before it removes.
    void removeSelected();
    void cancel();

Q_SIGNALS:
    void changeFinished(int exitCode);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void listPackages();
    void startChange(bool install, const PackageManagers::Found& found, const QStringList& names);
    void onReceived(ExecSession::Stream stream, const QByteArray& bytes);
    void flushOutput(bool all);
    void onChangeFinished();
    void showStatus(const QString& text, bool isError);
    void showCount();
    const PackageManagers::Found* currentManager() const;

    QPointer<Backend> m_backend;
    QString m_sandboxId;
    QString m_container;
    QString m_sandboxName;
    QList<PackageManagers::Found> m_found;
    bool m_detected = false;
    QPointer<Job> m_detectJob;
    QPointer<Job> m_listJob;
    Run* m_run = nullptr;
    QElapsedTimer m_runClock;

    PackageTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_managerLabel;
    QComboBox* m_manager;
    QPushButton* m_refreshButton;
    QLineEdit* m_filter;
    QTableView* m_table;
    QLabel* m_namesLabel;
    QLineEdit* m_names;
    QPushButton* m_installButton;
    QPushButton* m_removeButton;
    QPushButton* m_cancelButton;
    QPlainTextEdit* m_output;
    QLabel* m_status;

    // Output is shown in whole lines (what a '\r' overwrote left out), at most every few ms.
    QTimer* m_flushTimer;
    QByteArray m_pending[2]; // stdout, stderr: what is not yet a whole line
    QList<QPair<bool, QString>> m_ready;
};
