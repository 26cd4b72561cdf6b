#include "PermissionsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

PermissionsDialog::PermissionsDialog(const QString& name, quint32 mode, QWidget* parent)
    : QDialog(parent)
    , m_name(name)
{
    setObjectName(QStringLiteral("permissionsDialog"));
    auto* layout = new QVBoxLayout(this);
    m_nameLabel = new QLabel;
    m_nameLabel->setTextFormat(Qt::PlainText);
    m_nameLabel->setWordWrap(true);
    layout->addWidget(m_nameLabel);

    auto* grid = new QGridLayout;
    for (int column = 0; column < 3; ++column) {
        m_columnLabels[column] = new QLabel;
        grid->addWidget(m_columnLabels[column], 0, column + 1, Qt::AlignHCenter);
    }
    // Rows: owner, group, others with r w x; then setuid, setgid, sticky in one row.
    for (int row = 0; row < 4; ++row) {
        m_rowLabels[row] = new QLabel;
        grid->addWidget(m_rowLabels[row], row + 1, 0);
    }
    for (int who = 0; who < 3; ++who) {
        for (int what = 0; what < 3; ++what) {
            const int bit = (2 - who) * 3 + (2 - what);
            auto* box = new QCheckBox;
            box->setObjectName(QStringLiteral("mode%1").arg(1 << bit, 4, 8, QLatin1Char('0')));
            m_boxes[bit] = box;
            grid->addWidget(box, who + 1, what + 1, Qt::AlignHCenter);
        }
    }
    for (int special = 0; special < 3; ++special) {
        const int bit = 11 - special;
        auto* box = new QCheckBox;
        box->setObjectName(QStringLiteral("mode%1").arg(1 << bit, 4, 8, QLatin1Char('0')));
        m_boxes[bit] = box;
        grid->addWidget(box, 4, special + 1);
    }
    layout->addLayout(grid);

    auto* octalRow = new QHBoxLayout;
    m_octalLabel = new QLabel;
    m_octal = new QLineEdit;
    m_octal->setObjectName(QStringLiteral("octalEdit"));
    m_octal->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-7]{1,4}")), this));
    m_octal->setMaxLength(4);
    m_octalLabel->setBuddy(m_octal);
    octalRow->addWidget(m_octalLabel);
    octalRow->addWidget(m_octal);
    octalRow->addStretch(1);
    layout->addLayout(octalRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    for (QCheckBox* box : m_boxes)
        connect(box, &QCheckBox::toggled, this, &PermissionsDialog::updateFromBoxes);
    connect(m_octal, &QLineEdit::textEdited, this, [this](const QString& text) {
        bool ok = false;
        const uint value = text.toUInt(&ok, 8);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
        if (ok) {
            m_updating = true;
            m_mode = value & 07777;
            for (int bit = 0; bit < 12; ++bit)
                m_boxes[bit]->setChecked(m_mode & (1u << bit));
            m_updating = false;
        }
    });

    setMode(mode);
    retranslateUi();
}

void PermissionsDialog::setMode(quint32 mode)
{
    m_updating = true;
    m_mode = mode & 07777;
    for (int bit = 0; bit < 12; ++bit)
        m_boxes[bit]->setChecked(m_mode & (1u << bit));
    m_octal->setText(QStringLiteral("%1").arg(m_mode, 4, 8, QLatin1Char('0')));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_updating = false;
}

void PermissionsDialog::updateFromBoxes()
{
    if (m_updating)
        return;
    quint32 mode = 0;
    for (int bit = 0; bit < 12; ++bit) {
        if (m_boxes[bit]->isChecked())
            mode |= 1u << bit;
    }
    m_mode = mode;
    m_octal->setText(QStringLiteral("%1").arg(m_mode, 4, 8, QLatin1Char('0')));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void PermissionsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PermissionsDialog::retranslateUi()
{
    setWindowTitle(tr("Change Permissions"));
    m_nameLabel->setText(tr("Permissions of “%1”:").arg(m_name));
    m_columnLabels[0]->setText(tr("Read"));
    m_columnLabels[1]->setText(tr("Write"));
    m_columnLabels[2]->setText(tr("Execute"));
    m_rowLabels[0]->setText(tr("Owner"));
    m_rowLabels[1]->setText(tr("Group"));
    m_rowLabels[2]->setText(tr("Others"));
    m_rowLabels[3]->setText(tr("Special"));
    m_boxes[11]->setText(tr("Set user ID"));
    m_boxes[10]->setText(tr("Set group ID"));
    m_boxes[9]->setText(tr("Sticky"));
    m_octalLabel->setText(tr("&Octal:"));
}
