#pragma once

#include "files/FileEntry.h"

#include <QWidget>

class QHBoxLayout;
class QLineEdit;
class QStackedWidget;
class QToolButton;

// Where the browser is: a row of buttons, one per folder of the path, that turns into an
// editable field (Ctrl+L, or the pencil button) where a path can be typed.
class PathBar final : public QWidget
{
    Q_OBJECT
public:
    explicit PathBar(QWidget* parent = nullptr);

    RemotePath path() const { return m_path; }
    void setPath(const RemotePath& path);
    // Shows the field with the path selected, for typing.
    void editPath();
    bool isEditing() const;
    QLineEdit* edit() const { return m_edit; }

Q_SIGNALS:
    void pathRequested(const RemotePath& path);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void rebuildCrumbs();
    void showCrumbs();
    void retranslateUi();

    RemotePath m_path = "/";
    QStackedWidget* m_stack = nullptr;
    QWidget* m_crumbs = nullptr;
    QHBoxLayout* m_crumbLayout = nullptr;
    QLineEdit* m_edit = nullptr;
    QToolButton* m_editButton = nullptr;
};
