#pragma once

#include <QStringList>
#include <QWidget>

class MessageLabel;
class QPushButton;
class QTreeWidget;

// Saved connection profiles (ECI accounts, OpenSandbox servers) in a list beside the buttons
// that add, edit, remove and import them, with a message line below. Activating a row edits it.
// The first column is the profile's name.
class ProfileList final : public QWidget
{
    Q_OBJECT
public:
    // columnWidths: the widths of every column but the last, which stretches.
    explicit ProfileList(const QList<int>& columnWidths, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QPushButton* addButton() const { return m_addButton; }
    QPushButton* editButton() const { return m_editButton; }
    QPushButton* removeButton() const { return m_removeButton; }
    QPushButton* importButton() const { return m_importButton; }
    MessageLabel* messageLabel() const { return m_messageLabel; }

    // One row a profile, the name first; the current profile stays current when it is listed.
    void setRows(const QList<QStringList>& rows);
    // Empty when no row is current.
    QString currentName() const;

Q_SIGNALS:
    void currentChanged();
    void editRequested(const QString& name);

private:
    QTreeWidget* m_list;
    QPushButton* m_addButton;
    QPushButton* m_editButton;
    QPushButton* m_removeButton;
    QPushButton* m_importButton;
    MessageLabel* m_messageLabel;
};
