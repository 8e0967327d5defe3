"""Photo-like JPEGs for the news' images, made with Pillow.

A flat test image compresses to a few kilobytes and scales in no time; an
editor's photo is hundreds of kilobytes of detail that every rendition must
decode and resample, and that a PDF embeds. A colour gradient under noise
of several grain sizes compresses about as a photo does, at full size and
scaled down: some 460 KiB at 1600 × 1067, JPEG quality 85, and 40 KiB as a
rendition 600 pixels wide (noise of one grain would average out in a
rendition, leaving a smooth image of 15 KiB).
"""

import functools
import io

from PIL import Image

WIDTH, HEIGHT = 1600, 1067
QUALITY = 85
NOISE_SIGMA = 60
# Grain sizes in pixels, one layer of noise each, weighted alike.
NOISE_GRAINS = (1, 3, 9)
NOISE_SHARE = 0.5


def photo_jpeg(rng, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A JPEG of its own colours (from ``rng``), with the detail of a photo."""
    start, end = ([rng.randrange(256) for _ in range(3)] for _ in range(2))
    ramp = Image.linear_gradient("L").resize((width, height))
    channels = [
        ramp.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
        for a, b in zip(start, end, strict=True)
    ]
    gradient = Image.merge("RGB", channels)
    mixed = Image.blend(gradient, _noise(width, height), NOISE_SHARE)
    if rng.random() < 0.5:
        mixed = mixed.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    output = io.BytesIO()
    mixed.save(output, "JPEG", quality=QUALITY)
    return output.getvalue()


def forget_noise() -> None:
    """Free the noise kept for the next photo: some 7 MiB at 1600 × 1067."""
    _noise.cache_clear()


@functools.cache
def _noise(width: int, height: int) -> Image.Image:
    # Made once per size: noise is most of the time, and its detail, not its pattern, matters.
    channels = []
    for _channel in range(3):
        mixed = None
        for number, grain in enumerate(NOISE_GRAINS):
            layer = Image.effect_noise((width // grain, height // grain), NOISE_SIGMA).resize(
                (width, height), Image.Resampling.BICUBIC
            )
            mixed = layer if mixed is None else Image.blend(mixed, layer, 1 / (number + 1))
        channels.append(mixed)
    return Image.merge("RGB", channels)


def news_image(rng, title: str):
    """A Wagtail image of a new photo, uploaded to the root collection as editors do."""
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    data = photo_jpeg(rng)
    image = get_image_model()(
        title=title, file=ImageFile(io.BytesIO(data), name="foto.jpg"), file_size=len(data)
    )
    image.save()
    return image
