#pragma once

#include <QLabel>
#include <QStringList>

// The line under a form or a list that says what happened: hidden while it says nothing,
// selectable (to copy an error), red when it reports a failure.
class MessageLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit MessageLabel(const QString& objectName, QWidget* parent = nullptr);

    // Empty text hides it.
    void showMessage(const QString& text, bool isError = true);
    // Each problem on a line of its own, as an error.
    void showProblems(const QStringList& problems);
    // What it says; empty while hidden.
    QString message() const;
};
