import { JuziImagePreview } from '../components/image-preview/image-preview.js';

JuziImagePreview.define('juzi-image-preview');
