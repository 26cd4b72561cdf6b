#pragma once

#include <QList>
#include <QWidget>

class FileTransfer;
class QLabel;
class QPushButton;
class QVBoxLayout;

// Every upload and download of a files window, one row each: what goes where, a progress
// bar, bytes, speed and time left, Cancel while it runs and Retry after it failed. A name
// that exists at the destination is asked about: overwrite, skip or keep both, for this one or
// for all that follow.
class TransfersPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit TransfersPanel(QWidget* parent = nullptr);

    // Shows transfer (the panel becomes its parent) and starts it.
    void add(FileTransfer* transfer);
    QList<FileTransfer*> transfers() const;
    // The row's second line for transfer, as shown.
    QString detailText(const FileTransfer* transfer) const;
    // "12 s", "3 min 5 s", "2 h 10 min".
    static QString durationText(qint64 seconds);

Q_SIGNALS:
    void transferFinished(FileTransfer* transfer);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row;
    void update(Row* row);
    void askConflict(Row* row, const QString& name, bool isFolder);
    void clearFinished();
    void retranslateUi();

    QList<Row*> m_rows;
    QVBoxLayout* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_clearButton = nullptr;
};
