#include "TransfersPanel.h"

#include "files/FileTransfer.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

struct TransfersPanel::Row
{
    QPointer<FileTransfer> transfer;
    QWidget* widget = nullptr;
    QLabel* title = nullptr;
    QProgressBar* bar = nullptr;
    QLabel* detail = nullptr;
    QPushButton* cancel = nullptr;
    QPushButton* retry = nullptr;
};

TransfersPanel::TransfersPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("transfersPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* header = new QHBoxLayout;
    m_empty = new QLabel;
    m_clearButton = new QPushButton;
    m_clearButton->setObjectName(QStringLiteral("clearTransfersButton"));
    connect(m_clearButton, &QPushButton::clicked, this, &TransfersPanel::clearFinished);
    header->addWidget(m_empty, 1);
    header->addWidget(m_clearButton);
    layout->addLayout(header);
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    auto* inner = new QWidget;
    m_list = new QVBoxLayout(inner);
    m_list->setContentsMargins(0, 0, 0, 0);
    m_list->addStretch(1);
    area->setWidget(inner);
    layout->addWidget(area, 1);
    retranslateUi();
}

QList<FileTransfer*> TransfersPanel::transfers() const
{
    QList<FileTransfer*> all;
    for (const Row* row : m_rows) {
        if (row->transfer)
            all << row->transfer;
    }
    return all;
}

void TransfersPanel::add(FileTransfer* transfer)
{
    transfer->setParent(this);
    auto* row = new Row;
    row->transfer = transfer;
    row->widget = new QWidget;
    row->widget->setObjectName(QStringLiteral("transferRow"));
    auto* grid = new QHBoxLayout(row->widget);
    grid->setContentsMargins(0, 2, 0, 2);
    auto* text = new QVBoxLayout;
    row->title = new QLabel;
    row->title->setTextFormat(Qt::PlainText);
    row->bar = new QProgressBar;
    row->bar->setTextVisible(false);
    row->bar->setMaximumHeight(10);
    row->detail = new QLabel;
    row->detail->setObjectName(QStringLiteral("transferDetail"));
    row->detail->setTextFormat(Qt::PlainText);
    text->addWidget(row->title);
    text->addWidget(row->bar);
    text->addWidget(row->detail);
    grid->addLayout(text, 1);
    row->cancel = new QPushButton;
    row->cancel->setObjectName(QStringLiteral("cancelTransferButton"));
    row->retry = new QPushButton;
    row->retry->setObjectName(QStringLiteral("retryTransferButton"));
    grid->addWidget(row->cancel);
    grid->addWidget(row->retry);
    m_list->insertWidget(m_list->count() - 1, row->widget);
    m_rows << row;

    connect(row->cancel, &QPushButton::clicked, transfer, &FileTransfer::cancel);
    connect(row->retry, &QPushButton::clicked, transfer, &FileTransfer::retry);
    connect(transfer, &FileTransfer::progressed, this, [this, row] { update(row); });
    connect(transfer, &FileTransfer::stateChanged, this, [this, row] { update(row); });
    connect(transfer, &FileTransfer::conflictFound, this,
            [this, row](const QString& name, bool isFolder) { askConflict(row, name, isFolder); });
    connect(transfer, &FileTransfer::finished, this,
            [this, transfer] { Q_EMIT transferFinished(transfer); });
    retranslateUi();
    transfer->start();
    update(row);
}

QString TransfersPanel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString TransfersPanel::detailText(const FileTransfer* transfer) const
{
    for (const Row* row : m_rows) {
        if (row->transfer == transfer)
            return row->detail->text();
    }
    return {};
}

void TransfersPanel::update(Row* row)
{
    FileTransfer* t = row->transfer;
    if (!t)
        return;
    const QLocale locale;
    const QString names = t->itemNames().join(QStringLiteral(", "));
    row->title->setText(t->direction() == FileTransfer::Direction::Download
                            ? tr("↓ %1").arg(names)
                            : tr("↑ %1").arg(names));
    const qint64 done = t->bytesDone();
    const qint64 total = t->bytesTotal();
    QString detail;
    switch (t->state()) {
    case FileTransfer::State::Ready:
    case FileTransfer::State::Running: {
        QStringList parts;
        parts << (total >= 0
                      ? tr("%1 of %2")
                            .arg(locale.formattedDataSize(done), locale.formattedDataSize(total))
                      : locale.formattedDataSize(done));
        parts << tr("%1/s").arg(locale.formattedDataSize(qint64(t->bytesPerSecond())));
        if (t->secondsLeft() >= 0)
            parts << tr("%1 left").arg(durationText(t->secondsLeft()));
        if (t->itemCount() > 1)
            parts << tr("item %1 of %2").arg(t->itemsDone() + 1).arg(t->itemCount());
        detail = parts.join(QStringLiteral(" · "));
        break;
    }
    case FileTransfer::State::AskingConflict:
        detail = tr("Waiting for your answer about “%1”…").arg(t->currentName());
        break;
    case FileTransfer::State::Finished:
        detail = t->warnings().isEmpty()
                     ? tr("Done: %1").arg(locale.formattedDataSize(done))
                     : tr("Done; %n item(s) left out", nullptr, int(t->warnings().size()));
        row->detail->setToolTip(t->warnings().join(QLatin1Char('\n')));
        break;
    case FileTransfer::State::Failed:
        detail = tr("Failed: %1").arg(t->error().fullText());
        break;
    case FileTransfer::State::Cancelled:
        detail = tr("Cancelled; nothing of it was kept.");
        break;
    }
    row->detail->setText(detail);
    if (total > 0) {
        row->bar->setRange(0, 1000);
        row->bar->setValue(int(qMin<qint64>(1000, done * 1000 / total)));
    } else if (t->isActive()) {
        row->bar->setRange(0, 0);
    } else {
        row->bar->setRange(0, 1000);
        row->bar->setValue(t->state() == FileTransfer::State::Finished ? 1000 : 0);
    }
    row->cancel->setVisible(t->isActive() || t->state() == FileTransfer::State::Ready);
    row->cancel->setEnabled(t->canCancel());
    row->retry->setVisible(t->state() == FileTransfer::State::Failed);
    m_clearButton->setEnabled(true);
}

void TransfersPanel::askConflict(Row* row, const QString& name, bool isFolder)
{
    const QPointer<FileTransfer> transfer = row->transfer;
    const QString text = isFolder ? tr("A folder named “%1” is already there.").arg(name)
                                  : tr("A file named “%1” is already there.").arg(name);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Name Already Used"), text,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("conflictQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(isFolder ? tr("Overwrite merges the folders; files with the same "
                                          "name are replaced.")
                                     : tr("Overwrite replaces the file that is there."));
    QPushButton* overwrite = box->addButton(tr("Overwrite"), QMessageBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton* keepBoth = box->addButton(tr("Keep Both"), QMessageBox::AcceptRole);
    keepBoth->setObjectName(QStringLiteral("keepBothButton"));
    QPushButton* skip = box->addButton(tr("Skip"), QMessageBox::RejectRole);
    skip->setObjectName(QStringLiteral("skipButton"));
    box->setDefaultButton(keepBoth);
    box->setEscapeButton(skip);
    auto* forAll = new QCheckBox(tr("Do the same for the other names already there"));
    forAll->setObjectName(QStringLiteral("forAllCheck"));
    box->setCheckBox(forAll);
    const auto answer = [transfer, forAll](FileTransfer::ConflictChoice choice) {
        if (transfer && transfer->state() == FileTransfer::State::AskingConflict)
            transfer->resolveConflict(choice, forAll->isChecked());
    };
    connect(overwrite, &QPushButton::clicked, this,
            [answer] { answer(FileTransfer::ConflictChoice::Overwrite); });
    connect(keepBoth, &QPushButton::clicked, this,
            [answer] { answer(FileTransfer::ConflictChoice::KeepBoth); });
    connect(skip, &QPushButton::clicked, this,
            [answer] { answer(FileTransfer::ConflictChoice::Skip); });
    if (transfer)
        connect(transfer, &FileTransfer::finished, box, &QWidget::close);
    box->open();
}

void TransfersPanel::clearFinished()
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        Row* row = m_rows.at(i);
        if (row->transfer &&
            (row->transfer->isActive() || row->transfer->state() == FileTransfer::State::Ready))
            continue;
        delete row->widget;
        if (row->transfer)
            row->transfer->deleteLater();
        delete row;
        m_rows.removeAt(i);
    }
    retranslateUi();
}

void TransfersPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TransfersPanel::retranslateUi()
{
    m_empty->setText(m_rows.isEmpty() ? tr("No transfers yet. Drop files on the list to upload.")
                                      : tr("%n transfer(s)", nullptr, int(m_rows.size())));
    m_clearButton->setText(tr("Clear Finished"));
    for (Row* row : std::as_const(m_rows)) {
        row->cancel->setText(tr("Cancel"));
        row->retry->setText(tr("Retry"));
        update(row);
    }
}
