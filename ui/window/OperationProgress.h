#pragma once

#include <QWidget>

class BulkOperation;
class QLabel;
class QProgressBar;
class QToolButton;

// A status bar entry for one running bulk operation, with a Cancel button.
class OperationProgress final : public QWidget
{
    Q_OBJECT
public:
    explicit OperationProgress(BulkOperation* operation, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_cancel = nullptr;
};
