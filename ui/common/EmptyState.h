#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

// What the window shows instead of an empty table: a title, why, what to do, and buttons.
class EmptyState final : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyState(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    // Rich text.
    void setText(const QString& text);
    QString text() const;
    void addButton(QPushButton* button);

private:
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QHBoxLayout* m_buttons = nullptr;
};
