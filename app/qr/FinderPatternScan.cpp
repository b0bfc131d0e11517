// A QR finder pattern is a dark 3x3 square in a light ring in a dark ring: crossed through its
// centre in any direction it reads dark, light, dark, light, dark in the ratio 1:1:3:1:1
// (ISO/IEC 18004:2015, 6.3.3). Every third row is crossed, each run of five that fits the ratio
// with enough contrast is checked down its column, and hits near one another are one pattern.
// Well under a millisecond for a 1280x720 frame, against several for ZXing's own reading
// (BenchDecode).
#include "qr/FinderPatternScan.h"

#include <QLineF>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace {
// Light minus dark, in grey levels, for a run of five to be a pattern rather than noise or a
// shadow: a printed or shown code differs by tens of levels.
constexpr int MIN_CONTRAST = 36;
// A pixel must differ this much from the local mean to start a run of the other colour: the
// sample frames of a plain wall carry camera noise of up to about 15 levels. A noisier picture
// (a dim room, the camera's gain up) raises it: see hysteresisFor().
constexpr int MIN_HYSTERESIS = 16;
constexpr int CHUNK = 8;
// Modules smaller than this (in pixels) neither ZXing-cpp nor zbar reads (BenchDecode's dense
// frames); the ratio is met by chance in small print at that size.
constexpr double MIN_MODULE = 1.4;
// A finder's 3-module centre is then at least 4 px tall: crossing every third row meets it.
constexpr int ROW_STEP = 3;
// Finder centres lie (N - 7) modules apart along a side of an N-module symbol, 21 <= N <= 177
// (ISO/IEC 18004:2015, 6.3.3 and Table 1): 14 to 170 modules, with room for a slanted view.
constexpr double MIN_SPACING_MODULES = 10;
constexpr double MAX_SPACING_MODULES = 200;

// Candidates weighed against one another at most; a frame of a code has a handful.
constexpr qsizetype MAX_CANDIDATES = 40;

// Whether three patterns can be a symbol's three finders with `corner` at the top left: of one
// size, the two sides from the corner about square to each other and of about one length
// (a code seen at a slant: up to 30 degrees off square, one side up to twice the other).
bool symbolCorners(const FinderPatternScan::Candidate& corner, const FinderPatternScan::Candidate& a,
                   const FinderPatternScan::Candidate& b)
{
    const double smallest = std::min({corner.module, a.module, b.module});
    const double largest = std::max({corner.module, a.module, b.module});
    if (largest > 2 * smallest)
        return false;
    const QPointF toA = a.centre - corner.centre;
    const QPointF toB = b.centre - corner.centre;
    const double lengthA = std::hypot(toA.x(), toA.y());
    const double lengthB = std::hypot(toB.x(), toB.y());
    const double module = (corner.module + a.module + b.module) / 3;
    if (std::min(lengthA, lengthB) < MIN_SPACING_MODULES * module ||
        std::max(lengthA, lengthB) > MAX_SPACING_MODULES * module ||
        std::max(lengthA, lengthB) > 2 * std::min(lengthA, lengthB))
        return false;
    const double cosine = QPointF::dotProduct(toA, toB) / (lengthA * lengthB);
    return std::abs(cosine) <= 0.5;
}

struct Run
{
    int length = 0;
    int sum = 0; // of the luminance of its pixels
    double mean() const { return length ? double(sum) / length : 0; }
};

bool unitFits(double run, double unit)
{
    return std::abs(run - unit) <= std::max(0.6 * unit, 1.0);
}

bool centreFits(double run, double unit)
{
    return std::abs(run - 3 * unit) <= std::max(1.5 * unit, 1.5);
}

// Five runs, dark first, in the ratio 1:1:3:1:1.
bool ratioFits(const std::array<int, 5>& runs)
{
    int total = 0;
    for (int run : runs)
        total += run;
    const double unit = total / 7.0;
    return unit >= 1.0 && unitFits(runs[0], unit) && unitFits(runs[1], unit) && centreFits(runs[2], unit) &&
           unitFits(runs[3], unit) && unitFits(runs[4], unit);
}

// The noise of a frame from the difference of neighbouring pixels along every 16th row: its
// lower quartile, since most neighbours lie inside one surface (edges, a code's among them, are
// the upper part). Four times that keeps noise from cutting runs: uniform noise of +-a gives a
// quartile of about a / 4 (the difference of two such samples is triangular on [-2a, 2a]).
int hysteresisFor(const LumaFrame& frame)
{
    std::array<int, 256> histogram{};
    qint64 count = 0;
    const auto* pixels = reinterpret_cast<const uchar*>(frame.pixels.constData());
    for (int y = 0; y < frame.height; y += 16) {
        const uchar* row = pixels + qsizetype(y) * frame.stride;
        for (int x = 1; x < frame.width; ++x)
            ++histogram[size_t(std::abs(row[x] - row[x - 1]))];
        count += frame.width - 1;
    }
    qint64 seen = 0;
    int quartile = 0;
    while (quartile < 255 && (seen += histogram[size_t(quartile)]) < count / 4)
        ++quartile;
    return std::max(MIN_HYSTERESIS, 4 * quartile);
}

class Scanner
{
public:
    explicit Scanner(const LumaFrame& frame)
        : m_frame(frame), m_pixels(reinterpret_cast<const uchar*>(frame.pixels.constData())),
          m_radius(std::clamp(frame.width / 16, 12, 64)), m_hysteresis(hysteresisFor(frame)),
          m_prefix(size_t(frame.width) + 1)
    {}

    QList<FinderPatternScan::Candidate> scan()
    {
        for (int y = 1; y < m_frame.height; y += ROW_STEP)
            scanRow(y);
        return m_found;
    }

private:
    uchar at(int x, int y) const { return m_pixels[qsizetype(y) * m_frame.stride + x]; }

    // A pixel turns dark when clearly below the mean of the row around it (2 * m_radius wide,
    // taken every 8 pixels) and light again when clearly above: follows uneven light across a
    // frame, and the margin keeps camera noise on a plain wall from cutting it into runs.
    void scanRow(int y)
    {
        const uchar* row = m_pixels + qsizetype(y) * m_frame.stride;
        const int width = m_frame.width;
        for (int x = 0; x < width; ++x)
            m_prefix[size_t(x) + 1] = m_prefix[size_t(x)] + row[x];
        std::array<Run, 5> runs{}; // the last five runs, oldest first
        bool dark = false;
        Run current;
        for (int chunk = 0; chunk < width; chunk += CHUNK) {
            const int from = std::max(0, chunk + CHUNK / 2 - m_radius);
            const int to = std::min(width, chunk + CHUNK / 2 + m_radius);
            const int mean = (m_prefix[size_t(to)] - m_prefix[size_t(from)]) / (to - from);
            const int darkBelow = mean - m_hysteresis;
            const int lightAbove = mean + m_hysteresis;
            const int end = std::min(width, chunk + CHUNK);
            for (int x = chunk; x < end; ++x) {
                const int value = row[x];
                if (dark ? value > lightAbove : value < darkBelow) {
                    if (current.length > 0) {
                        std::rotate(runs.begin(), runs.begin() + 1, runs.end());
                        runs[4] = current;
                        // The run that just ended is dark and closes a dark-light-dark-light-dark five.
                        if (dark)
                            consider(runs, x, y);
                    }
                    current = Run();
                    dark = !dark;
                }
                current.length += 1;
                current.sum += value;
            }
        }
    }

    void consider(const std::array<Run, 5>& runs, int end, int y)
    {
        if (!ratioFits({runs[0].length, runs[1].length, runs[2].length, runs[3].length, runs[4].length}))
            return;
        const double light = (runs[1].mean() + runs[3].mean()) / 2;
        const int contrast = std::max(MIN_CONTRAST, 2 * m_hysteresis);
        if (light - runs[2].mean() < contrast || light - runs[0].mean() < contrast / 2 ||
            light - runs[4].mean() < contrast / 2)
            return;
        const int across = runs[0].length + runs[1].length + runs[2].length + runs[3].length + runs[4].length;
        const int centreX = end - runs[4].length - runs[3].length - runs[2].length + runs[2].length / 2;
        const double threshold = (light + runs[2].mean()) / 2;
        // Down its column too, as ZXing-cpp and zbar confirm theirs.
        int down = 0;
        int centreY = 0;
        if (!columnFits(centreX, y, threshold, across, &down, &centreY))
            return;
        const QPointF centre(centreX + 0.5, centreY + 0.5);
        const double module = (across + down) / 14.0;
        if (module < MIN_MODULE)
            return;
        for (FinderPatternScan::Candidate& known : m_found) {
            if (QLineF(known.centre, centre).length() < 2 * std::max(known.module, module)) {
                ++known.rows;
                return;
            }
        }
        m_found.append({centre, module, 1});
    }

    // The same five runs down column x through row y, with the row's threshold: their total
    // length, and the middle of the centre run.
    bool columnFits(int x, int y, double threshold, int across, int* total, int* centreY) const
    {
        const int limit = 2 * across;
        const auto isDark = [&](int row) { return at(x, row) < threshold; };
        if (!isDark(y))
            return false;
        // Three runs (dark, light, dark) from row y one way; the first includes row y itself.
        const auto walk = [&](int step, std::array<int, 3>* lengths) {
            int row = y;
            for (int i = 0; i < 3; ++i) {
                const bool wantDark = i != 1;
                int length = 0;
                while (row >= 0 && row < m_frame.height && isDark(row) == wantDark && length <= limit) {
                    ++length;
                    row += step;
                }
                if (length == 0 || length > limit)
                    return false;
                (*lengths)[size_t(i)] = length;
            }
            return true;
        };
        std::array<int, 3> up{};
        std::array<int, 3> down{};
        if (!walk(-1, &up) || !walk(1, &down))
            return false;
        const std::array<int, 5> runs{up[2], up[1], up[0] + down[0] - 1, down[1], down[2]};
        int sum = 0;
        for (int run : runs)
            sum += run;
        // A tilted or foreshortened pattern is longer or shorter one way than the other.
        if (sum * 2 < across || sum > 2 * across || !ratioFits(runs))
            return false;
        *total = sum;
        *centreY = y - (up[0] - 1) + runs[2] / 2;
        return true;
    }

    const LumaFrame& m_frame;
    const uchar* m_pixels;
    const int m_radius;
    const int m_hysteresis;
    std::vector<int> m_prefix; // sums of a row's pixels before each pixel
    QList<FinderPatternScan::Candidate> m_found;
};
} // namespace

QList<FinderPatternScan::Candidate> FinderPatternScan::candidates(const LumaFrame& frame)
{
    if (frame.isNull())
        return {};
    return Scanner(frame).scan();
}

QRect FinderPatternScan::suspectRegion(const LumaFrame& frame, double* module)
{
    QList<Candidate> found = candidates(frame);
    // A busy picture can cross the ratio in many places; the patterns crossed most are kept.
    if (found.size() > MAX_CANDIDATES) {
        std::stable_sort(found.begin(), found.end(),
                         [](const Candidate& a, const Candidate& b) { return a.rows > b.rows; });
        found.resize(MAX_CANDIDATES);
    }
    QRectF region;
    double smallest = 0;
    for (qsizetype c = 0; c < found.size(); ++c) {
        for (qsizetype i = 0; i < found.size(); ++i) {
            for (qsizetype j = i + 1; j < found.size(); ++j) {
                if (c == i || c == j || !symbolCorners(found.at(c), found.at(i), found.at(j)))
                    continue;
                const Candidate& corner = found.at(c);
                const Candidate& a = found.at(i);
                const Candidate& b = found.at(j);
                // The fourth corner completes the parallelogram; the quiet zone lies beyond.
                const QPointF fourth = a.centre + b.centre - corner.centre;
                const double margin = 8 * std::max({corner.module, a.module, b.module});
                const auto [left, right] = std::minmax({corner.centre.x(), a.centre.x(), b.centre.x(), fourth.x()});
                const auto [top, bottom] = std::minmax({corner.centre.y(), a.centre.y(), b.centre.y(), fourth.y()});
                const QRectF around(QPointF(left - margin, top - margin), QPointF(right + margin, bottom + margin));
                region = region.isNull() ? around : region.united(around);
                const double size = std::min({corner.module, a.module, b.module});
                smallest = smallest > 0 ? std::min(smallest, size) : size;
            }
        }
    }
    if (module)
        *module = smallest;
    return region.toAlignedRect().intersected(QRect(0, 0, frame.width, frame.height));
}
