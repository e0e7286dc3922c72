"""Photos for the demo content, drawn with Pillow at load time: no network, no binary files.

Each scene is a few flat shapes over gradients (a courthouse, a parliament, a market...), drawn
at twice the size and scaled down so that edges come out smooth. A scene name always gives the
same picture.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
PORTRAIT = 400
SCALE = 2

Colour = tuple[int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _alpha(colour: Colour, alpha: int) -> tuple[int, int, int, int]:
    return (*colour, alpha)


def _lit(i: int, j: int, seed: int) -> bool:
    """A fixed, irregular-looking pattern of lit windows: about two in five."""
    return (i * 7 + j * 13 + seed * 5 + (i * j) % 3) % 5 in {0, 1}


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    """A vertical gradient: one column of colours, stretched sideways."""
    width, height = size
    column = Image.new("RGB", (1, height))
    column.putdata([_mix(top, bottom, y / max(height - 1, 1)) for y in range(height)])
    return column.resize((width, height), Image.Resampling.NEAREST)


class Canvas:
    """Drawing in the final picture's coordinates, on an image twice as large."""

    def __init__(self, size: tuple[int, int], top: Colour, bottom: Colour) -> None:
        self.width, self.height = size
        self.image = _gradient((self.width * SCALE, self.height * SCALE), top, bottom)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    @staticmethod
    def _points(points: Sequence[Point]) -> list[Point]:
        return [(x * SCALE, y * SCALE) for x, y in points]

    @staticmethod
    def _box(box: Box) -> Box:
        return (box[0] * SCALE, box[1] * SCALE, box[2] * SCALE, box[3] * SCALE)

    def gradient(self, box: Box, top: Colour, bottom: Colour) -> None:
        left, upper, right, lower = (round(v) for v in self._box(box))
        band = _gradient((right - left, max(lower - upper, 1)), top, bottom)
        self.image.paste(band, (left, upper))

    def rect(self, box: Box, fill: Colour | tuple[int, int, int, int]) -> None:
        self.draw.rectangle(self._box(box), fill=fill)

    def rounded(self, box: Box, radius: float, fill: Colour) -> None:
        self.draw.rounded_rectangle(self._box(box), radius=radius * SCALE, fill=fill)

    def ellipse(self, box: Box, fill: Colour | tuple[int, int, int, int]) -> None:
        self.draw.ellipse(self._box(box), fill=fill)

    def polygon(self, points: Sequence[Point], fill: Colour | tuple[int, int, int, int]) -> None:
        self.draw.polygon(self._points(points), fill=fill)

    def pieslice(self, box: Box, start: float, end: float, fill: Colour) -> None:
        self.draw.pieslice(self._box(box), start, end, fill=fill)

    def arc(self, box: Box, start: float, end: float, fill: Colour, width: float) -> None:
        self.draw.arc(self._box(box), start, end, fill=fill, width=round(width * SCALE))

    def line(self, points: Sequence[Point], fill: Colour, width: float) -> None:
        self.draw.line(self._points(points), fill=fill, width=round(width * SCALE))

    def jpeg(self) -> bytes:
        final = self.image.reduce(SCALE)
        buffer = io.BytesIO()
        final.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
        return buffer.getvalue()


# ---------------------------------------------------------------- shared elements


def _glow(canvas: Canvas, centre: Point, radius: float, colour: Colour) -> None:
    x, y = centre
    for step in range(6, 0, -1):
        r = radius * (1 + step * 0.45)
        canvas.ellipse((x - r, y - r, x + r, y + r), _alpha(colour, 14))
    canvas.ellipse((x - radius, y - radius, x + radius, y + radius), colour)


def _mountains(
    canvas: Canvas, ridge: Sequence[Point], base: float, colour: Colour, snow: Colour | None
) -> None:
    canvas.polygon([(0, base), *ridge, (canvas.width, base)], colour)
    if snow is None:
        return
    for before, peak, after in zip(ridge, ridge[1:], ridge[2:], strict=False):
        if peak[1] < before[1] and peak[1] < after[1]:
            left = _along(peak, before, 0.3)
            right = _along(peak, after, 0.3)
            notch = ((left[0] + peak[0]) / 2, left[1] + 4)
            canvas.polygon([peak, right, (peak[0], right[1] - 10), notch, left], snow)


def _along(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _tower_block(
    canvas: Canvas, box: Box, body: Colour, window: Colour, seed: int, *, night: bool = False
) -> None:
    left, top, right, bottom = box
    canvas.rect(box, body)
    columns = max(int((right - left) // 22), 1)
    rows = max(int((bottom - top) // 26), 1)
    gap_x = (right - left) / columns
    gap_y = (bottom - top) / rows
    dark = _mix(body, (0, 0, 0), 0.25)
    for i in range(rows):
        for j in range(columns):
            x = left + j * gap_x + gap_x * 0.25
            y = top + i * gap_y + gap_y * 0.3
            lit = _lit(i, j, seed) if night else (i + j + seed) % 4 != 0
            canvas.rect((x, y, x + gap_x * 0.5, y + gap_y * 0.45), window if lit else dark)


def _person(canvas: Canvas, x: float, ground: float, height: float, colour: Colour) -> None:
    head = height * 0.13
    canvas.ellipse((x - head, ground - height, x + head, ground - height + 2 * head), colour)
    shoulders = ground - height + 2.3 * head
    canvas.rounded((x - head * 1.9, shoulders, x + head * 1.9, ground), head * 1.2, colour)


def _crowd(canvas: Canvas, ground: float, colours: Sequence[Colour], xs: Sequence[float]) -> None:
    for index, x in enumerate(xs):
        height = 118 + (index * 37) % 30
        _person(canvas, x, ground + 6, height, colours[index % len(colours)])


def _flag(canvas: Canvas, x: float, top: float, colour: Colour) -> None:
    canvas.line([(x, top), (x, top + 150)], (90, 90, 96), 3)
    canvas.polygon([(x, top), (x + 62, top + 6), (x + 58, top + 36), (x, top + 32)], colour)
    canvas.ellipse((x + 22, top + 10, x + 38, top + 26), (245, 205, 70))


def _portico(canvas: Canvas, box: Box, stone: Colour, shade: Colour, columns: int) -> None:
    """A classical front: pediment, entablature, columns and steps."""
    left, top, right, bottom = box
    middle = (left + right) / 2
    canvas.polygon([(left - 10, top + 60), (middle, top), (right + 10, top + 60)], stone)
    canvas.polygon([(left + 40, top + 52), (middle, top + 18), (right - 40, top + 52)], shade)
    canvas.rect((left - 14, top + 60, right + 14, top + 92), stone)
    canvas.rect((left, top + 92, right, bottom - 40), shade)
    spacing = (right - left) / (columns - 1)
    for index in range(columns):
        x = left + index * spacing
        canvas.rect((x - 13, top + 92, x + 13, bottom - 40), stone)
        canvas.rect((x - 18, top + 92, x + 18, top + 102), stone)
        canvas.rect((x - 18, bottom - 50, x + 18, bottom - 40), stone)
    for step in range(4):
        inset = 30 - step * 10
        canvas.rect(
            (left - inset, bottom - 40 + step * 10, right + inset, bottom - 30 + step * 10),
            _mix(stone, (255, 255, 255), 0.15 * (step % 2)),
        )


def _tree(canvas: Canvas, x: float, ground: float, size: float, leaves: Colour) -> None:
    canvas.rect((x - 4, ground - size * 0.6, x + 4, ground), (96, 72, 52))
    canvas.ellipse(
        (x - size * 0.45, ground - size * 1.3, x + size * 0.45, ground - size * 0.45), leaves
    )


# ---------------------------------------------------------------- scenes


def courthouse_morning() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (110, 168, 224), (222, 236, 248))
    _glow(canvas, (1010, 110), 46, (255, 244, 214))
    for index, x in enumerate(range(0, WIDTH, 130)):
        canvas.rect((x, 330 - (index * 53) % 90, x + 110, 470), (176, 196, 216))
    canvas.gradient((0, 470, WIDTH, HEIGHT), (204, 200, 190), (150, 146, 140))
    _portico(canvas, (330, 150, 870, 500), (236, 226, 204), (196, 184, 160), 7)
    _flag(canvas, 250, 190, (0, 170, 200))
    _tree(canvas, 170, 500, 150, (86, 140, 92))
    _tree(canvas, 1040, 500, 170, (74, 128, 84))
    _crowd(canvas, HEIGHT, [(52, 58, 74), (96, 64, 70), (40, 72, 92)], [420, 470, 530, 700, 760])
    return canvas.jpeg()


def courthouse_evening() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (242, 150, 104), (252, 222, 180))
    _glow(canvas, (210, 380), 60, (255, 226, 160))
    _mountains(
        canvas,
        [(0, 420), (240, 380), (520, 430), (900, 360), (1200, 410)],
        480,
        (214, 140, 120),
        None,
    )
    canvas.gradient((0, 480, WIDTH, HEIGHT), (170, 130, 120), (110, 84, 86))
    _portico(canvas, (380, 170, 820, 520), (246, 214, 180), (200, 150, 130), 6)
    for x in (300, 900):
        canvas.line([(x, 520), (x, 380)], (60, 50, 56), 5)
        _glow(canvas, (x, 372), 11, (255, 236, 170))
    _crowd(canvas, HEIGHT, [(64, 42, 56), (40, 38, 60)], [120, 180, 1000, 1060, 1120])
    return canvas.jpeg()


def city_dusk() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (70, 64, 128), (246, 160, 120))
    ridge = [
        (0, 330),
        (160, 250),
        (300, 300),
        (470, 190),
        (640, 290),
        (820, 220),
        (1000, 300),
        (1200, 260),
    ]
    _mountains(canvas, ridge, 460, (122, 104, 150), (236, 230, 244))
    heights = [300, 220, 380, 260, 420, 330, 240, 360, 280]
    for index, top in enumerate(heights):
        x = 20 + index * 132
        _tower_block(
            canvas, (x, top, x + 112, HEIGHT), (58, 52, 86), (255, 206, 130), index, night=True
        )
    canvas.gradient((0, 620, WIDTH, HEIGHT), (40, 36, 60), (28, 26, 44))
    return canvas.jpeg()


def capital_night() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (14, 24, 62), (58, 84, 150))
    _glow(canvas, (180, 110), 30, (236, 238, 250))
    for index in range(1, 48):
        x, y = (index * 7919) % 1187, (index * index * 331) % 271
        canvas.ellipse((x, y, x + 3, y + 3), (220, 226, 255))
    canvas.polygon([(585, 640), (592, 220), (608, 220), (615, 640)], (226, 232, 240))
    canvas.polygon([(560, 640), (590, 300), (610, 300), (640, 640)], (196, 206, 222))
    _glow(canvas, (600, 190), 52, (246, 196, 84))
    for index, (left, top, right) in enumerate(
        [
            (20, 380, 170),
            (180, 300, 300),
            (320, 420, 520),
            (700, 340, 840),
            (860, 260, 980),
            (1000, 400, 1180),
        ]
    ):
        _tower_block(
            canvas, (left, top, right, HEIGHT), (30, 44, 84), (255, 222, 150), index, night=True
        )
    canvas.gradient((0, 630, WIDTH, HEIGHT), (20, 30, 60), (10, 16, 36))
    return canvas.jpeg()


def parliament() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (96, 156, 214), (212, 232, 246))
    for x, y in ((140, 110), (420, 70), (900, 130)):
        for dx, r in ((0, 34), (38, 44), (84, 30)):
            canvas.ellipse((x + dx - r, y - r, x + dx + r, y + r), (250, 252, 255))
    canvas.gradient((0, 500, WIDTH, HEIGHT), (150, 176, 130), (110, 140, 98))
    canvas.rect((140, 300, 1060, 520), (238, 236, 228))
    _tower_block(canvas, (160, 330, 500, 500), (238, 236, 228), (120, 160, 196), 2)
    _tower_block(canvas, (700, 330, 1040, 500), (238, 236, 228), (120, 160, 196), 3)
    canvas.rect((490, 230, 710, 520), (226, 222, 210))
    canvas.pieslice((500, 120, 700, 340), 180, 360, (56, 170, 178))
    canvas.rect((590, 88, 610, 124), (226, 222, 210))
    _glow(canvas, (600, 84), 9, (240, 200, 90))
    for x in range(520, 700, 30):
        canvas.rect((x, 262, x + 14, 500), (246, 244, 238))
    canvas.rect((110, 510, 1090, 530), (206, 204, 196))
    _flag(canvas, 300, 150, (0, 170, 200))
    _flag(canvas, 880, 150, (0, 170, 200))
    return canvas.jpeg()


def chamber() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (92, 54, 44), (150, 96, 70))
    canvas.rect((0, 0, WIDTH, 250), (60, 74, 104))
    _glow(canvas, (600, 120), 60, (232, 196, 96))
    canvas.ellipse((570, 90, 630, 150), (60, 74, 104))
    _glow(canvas, (600, 120), 18, (232, 196, 96))
    for row in range(6):
        radius = 260 + row * 120
        box = (600 - radius * 1.3, 470 - radius * 0.35, 600 + radius * 1.3, 470 + radius * 0.55)
        canvas.arc(box, 0, 180, (120, 70, 50), 38)
        canvas.arc(box, 0, 180, (196, 132, 90), 8)
    canvas.rect((520, 300, 680, 400), (120, 74, 54))
    canvas.rect((540, 290, 660, 305), (200, 140, 96))
    _person(canvas, 600, 300, 90, (40, 36, 44))
    return canvas.jpeg()


def tashkent_portal() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (70, 150, 220), (240, 226, 196))
    canvas.gradient((0, 540, WIDTH, HEIGHT), (222, 196, 150), (190, 160, 120))
    canvas.rect((300, 180, 900, 560), (214, 176, 124))
    canvas.rect((440, 140, 760, 560), (204, 166, 114))
    canvas.pieslice((480, 210, 720, 450), 180, 360, (30, 84, 140))
    canvas.rect((480, 330, 720, 560), (30, 84, 140))
    for y in range(160, 540, 24):
        canvas.rect((452, y, 468, y + 12), (44, 150, 190))
        canvas.rect((732, y, 748, y + 12), (44, 150, 190))
    for x in (230, 970):
        canvas.rect((x - 26, 150, x + 26, 560), (210, 172, 120))
        for y in range(170, 540, 40):
            canvas.rect((x - 26, y, x + 26, y + 14), (56, 160, 196))
        canvas.pieslice((x - 36, 110, x + 36, 190), 180, 360, (46, 170, 190))
    for x in (360, 840):
        canvas.pieslice((x - 70, 110, x + 70, 250), 180, 360, (46, 170, 190))
    _crowd(canvas, HEIGHT, [(80, 56, 50), (40, 60, 90), (120, 60, 70)], [120, 560, 640, 1080])
    return canvas.jpeg()


def market() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (250, 214, 150), (252, 240, 214))
    canvas.gradient((0, 470, WIDTH, HEIGHT), (200, 170, 130), (160, 128, 96))
    stripes = [
        ((214, 70, 60), (250, 240, 226)),
        ((40, 120, 170), (250, 240, 226)),
        ((240, 170, 40), (120, 60, 40)),
        ((60, 140, 90), (250, 240, 226)),
    ]
    for stall in range(4):
        left = 20 + stall * 295
        first, second = stripes[stall]
        canvas.rect((left + 10, 250, left + 16, 520), (100, 80, 60))
        canvas.rect((left + 259, 250, left + 265, 520), (100, 80, 60))
        for stripe in range(8):
            x = left + stripe * 34.5
            canvas.polygon(
                [(x, 200), (x + 34.5, 200), (x + 40, 270), (x + 6, 270)],
                first if stripe % 2 == 0 else second,
            )
        canvas.rect((left, 420, left + 275, 520), (150, 100, 60))
        produce = [(236, 120, 40), (200, 40, 50), (120, 170, 60), (250, 200, 60)]
        for item in range(11):
            x = left + 20 + item * 22
            canvas.ellipse(
                (x, 398 - (item % 2) * 10, x + 30, 428 - (item % 2) * 10),
                produce[(item + stall) % 4],
            )
    _crowd(
        canvas,
        HEIGHT,
        [(60, 50, 70), (140, 60, 60), (40, 80, 110), (90, 70, 50)],
        [90, 330, 400, 700, 960, 1030],
    )
    return canvas.jpeg()


def foothills() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (120, 176, 226), (224, 238, 246))
    ridge = [
        (0, 300),
        (140, 190),
        (260, 250),
        (420, 140),
        (560, 230),
        (700, 160),
        (860, 240),
        (1020, 170),
        (1200, 250),
    ]
    _mountains(canvas, ridge, 430, (108, 124, 156), (246, 248, 252))
    _mountains(
        canvas,
        [(0, 420), (300, 370), (640, 410), (960, 360), (1200, 400)],
        520,
        (110, 150, 96),
        None,
    )
    canvas.gradient((0, 520, WIDTH, HEIGHT), (150, 172, 120), (120, 140, 96))
    for index, left in enumerate(range(60, 1140, 180)):
        _tower_block(
            canvas,
            (left, 470 - index % 3 * 30, left + 120, 600),
            (236, 226, 210),
            (110, 140, 170),
            index,
        )
    for x in range(30, 1200, 110):
        _tree(canvas, x, 640, 90, (70, 120, 70))
    return canvas.jpeg()


def advice_desk() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (236, 228, 214), (214, 202, 186))
    canvas.gradient((140, 80, 660, 400), (150, 196, 230), (226, 238, 246))
    ridge = [(140, 330), (260, 250), (380, 300), (520, 220), (660, 310)]
    canvas.polygon([(140, 400), *ridge, (660, 400)], (130, 146, 176))
    for x in (140, 400, 660):
        canvas.rect((x - 6, 80, x + 6, 400), (250, 248, 244))
    canvas.rect((134, 74, 666, 86), (250, 248, 244))
    canvas.rect((134, 394, 666, 406), (250, 248, 244))
    canvas.rect((820, 120, 1080, 330), (200, 120, 80))
    canvas.rect((840, 140, 1060, 310), (240, 214, 170))
    _person(canvas, 330, 500, 240, (60, 70, 96))
    _person(canvas, 860, 500, 250, (150, 70, 80))
    canvas.rect((120, 480, 1080, 520), (140, 96, 64))
    canvas.rect((150, 520, 180, HEIGHT), (120, 80, 54))
    canvas.rect((1020, 520, 1050, HEIGHT), (120, 80, 54))
    canvas.polygon([(520, 480), (540, 420), (660, 420), (680, 480)], (60, 64, 72))
    canvas.rect((720, 468, 800, 480), (250, 250, 250))
    return canvas.jpeg()


def theatre() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (30, 20, 30), (60, 30, 40))
    canvas.polygon([(520, 0), (680, 0), (900, 560), (300, 560)], (255, 240, 200, 40))
    canvas.gradient((0, 500, WIDTH, HEIGHT), (120, 80, 50), (70, 40, 30))
    canvas.ellipse((360, 500, 840, 600), (255, 236, 190, 70))
    for side in (0, 1):
        for fold in range(6):
            x = fold * 45 if side == 0 else WIDTH - (fold + 1) * 45
            shade = (150 - fold * 8, 24, 40) if fold % 2 else (180 - fold * 8, 30, 48)
            canvas.rect((x, 0, x + 45, 560), shade)
    canvas.rect((0, 0, WIDTH, 70), (160, 26, 44))
    for x in range(0, WIDTH, 60):
        canvas.pieslice((x, 40, x + 60, 100), 0, 180, (160, 26, 44))
    _person(canvas, 520, 560, 230, (26, 18, 24))
    _person(canvas, 690, 560, 250, (26, 18, 24))
    canvas.rect((560, 470, 650, 490), (80, 50, 30))
    return canvas.jpeg()


def press_room() -> bytes:
    canvas = Canvas((WIDTH, HEIGHT), (34, 74, 124), (24, 52, 92))
    for x in range(0, WIDTH, 150):
        for y in range(0, 420, 150):
            canvas.ellipse((x + 55, y + 55, x + 95, y + 95), (50, 96, 150))
    _glow(canvas, (600, 170), 70, (230, 190, 90))
    canvas.ellipse((560, 130, 640, 210), (34, 74, 124))
    _person(canvas, 430, 470, 230, (30, 30, 38))
    _person(canvas, 770, 470, 230, (40, 34, 40))
    canvas.rect((150, 450, 1050, 540), (232, 232, 236))
    canvas.rect((150, 540, 1050, HEIGHT), (200, 200, 206))
    for x in (540, 580, 620, 660):
        canvas.line([(x, 450), (x + (x - 600) * 0.2, 380)], (40, 40, 44), 4)
        canvas.rounded(
            (x + (x - 600) * 0.2 - 9, 360, x + (x - 600) * 0.2 + 9, 392), 8, (40, 40, 44)
        )
    canvas.rect((900, 380, 1000, 450), (240, 240, 244))
    canvas.rect((930, 380, 970, 388), (40, 40, 44))
    return canvas.jpeg()


def portrait(background: tuple[Colour, Colour], clothes: Colour, *, long_hair: bool) -> bytes:
    """A head-and-shoulders figure for an author's page."""
    canvas = Canvas((PORTRAIT, PORTRAIT), *background)
    hair, skin = (46, 34, 30), (214, 172, 140)
    if long_hair:
        canvas.rounded((112, 70, 288, 330), 80, hair)
    canvas.rect((172, 220, 228, 300), _mix(skin, (0, 0, 0), 0.12))
    canvas.ellipse((40, 270, 360, 540), clothes)
    canvas.polygon([(160, 272), (200, 330), (240, 272)], _mix(skin, (0, 0, 0), 0.12))
    canvas.ellipse((116, 58, 284, 236), hair)
    canvas.ellipse((132, 96, 268, 262), skin)
    canvas.pieslice((126, 66, 274, 196), 190, 350, hair)
    return canvas.jpeg()


SCENES: dict[str, Callable[[], bytes]] = {
    "courthouse_morning": courthouse_morning,
    "courthouse_evening": courthouse_evening,
    "city_dusk": city_dusk,
    "capital_night": capital_night,
    "parliament": parliament,
    "chamber": chamber,
    "tashkent_portal": tashkent_portal,
    "market": market,
    "foothills": foothills,
    "advice_desk": advice_desk,
    "theatre": theatre,
    "press_room": press_room,
}


PORTRAITS: dict[str, tuple[tuple[Colour, Colour], Colour, bool]] = {
    "teal": (((196, 226, 226), (120, 180, 186)), (36, 70, 84), True),
    "amber": (((250, 226, 180), (226, 170, 110)), (70, 56, 48), False),
    "plum": (((232, 210, 230), (170, 130, 170)), (60, 44, 80), True),
}


def render_portrait(name: str) -> bytes:
    """The JPEG bytes of a named author portrait, 400 by 400 pixels."""
    background, clothes, long_hair = PORTRAITS[name]
    return portrait(background, clothes, long_hair=long_hair)


def render_scene(name: str) -> bytes:
    """The JPEG bytes of a named scene, 1200 by 675 pixels."""
    return SCENES[name]()
